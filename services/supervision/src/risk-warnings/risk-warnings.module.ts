import { Module } from '@nestjs/common';
import { SupervisionActionsModule } from '../actions/supervision-actions.module';
import { TargetedInspectionsModule } from '../targeted-inspections/targeted-inspections.module';
import { RiskWarningsController } from './risk-warnings.controller';

@Module({
  imports: [SupervisionActionsModule, TargetedInspectionsModule],
  controllers: [RiskWarningsController],
})
export class RiskWarningsModule {}
