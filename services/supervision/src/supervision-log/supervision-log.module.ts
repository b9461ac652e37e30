import { Module } from '@nestjs/common';
import { SupervisionActionsModule } from '../actions/supervision-actions.module';
import { SupervisionLogController } from './supervision-log.controller';
import { SupervisionLogService } from './supervision-log.service';

/** The log's writer and repository come from the actions module, which writes the service's own steps. */
@Module({
  imports: [SupervisionActionsModule],
  controllers: [SupervisionLogController],
  providers: [SupervisionLogService],
})
export class SupervisionLogModule {}
