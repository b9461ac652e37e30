import { Module } from '@nestjs/common';
import { TaskQueues } from '@cityworks/contracts';
import { TemporalModule } from '@cityworks/temporal';
import { catalogCore } from './catalog.module';

@Module({
  imports: [...catalogCore, TemporalModule.forService({ taskQueue: TaskQueues.catalog })],
})
export class AppModule {}
