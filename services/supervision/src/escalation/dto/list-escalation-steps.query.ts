import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PageQuery } from '@cityworks/platform';
import { IsReportDay } from '../../common/china-day-range';
import { EscalationStepKind, EscalationStepKinds } from '../domain/escalation-step';
import { DEPARTMENT_CODE, DEPARTMENT_CODE_RULE } from '../../letters/dto/codes';

export class ListEscalationStepsQuery extends PageQuery {
  @ApiPropertyOptional({ description: '责任单位 (the late department)', example: 'AS-TD-XZSPJ' })
  @IsOptional()
  @Matches(DEPARTMENT_CODE, { message: `departmentCode ${DEPARTMENT_CODE_RULE}` })
  departmentCode?: string;

  @ApiPropertyOptional({ enum: EscalationStepKinds, description: '预警 / 提醒函 / 督办函 / 通报' })
  @IsOptional()
  @IsIn(EscalationStepKinds)
  step?: EscalationStepKind;

  @ApiPropertyOptional({ description: 'fired on or after this day (China time)', example: '2026-12-01' })
  @IsOptional()
  @IsReportDay()
  from?: string;

  @ApiPropertyOptional({ description: 'fired on or before this day (China time); not before `from` (rule notBeforeFrom)', example: '2026-12-31' })
  @IsOptional()
  @IsReportDay()
  to?: string;
}
