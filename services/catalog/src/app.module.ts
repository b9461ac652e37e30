import { Module } from '@nestjs/common';
import { TaskQueues } from '@cityworks/contracts';
import { TemporalModule } from '@cityworks/temporal';
import { catalogCore } from './catalog.module';
import { CatalogActivitiesImpl } from './activities/catalog.activities';

@Module({
  imports: [...catalogCore, TemporalModule.forService({ taskQueue: TaskQueues.catalog, activities: CatalogActivitiesImpl })],
  providers: [CatalogActivitiesImpl],
})
export class AppModule {}
