import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import type { LetterKind } from '@cityworks/contracts';
import { PageQuery } from '@cityworks/platform';
import { IsReportDay } from '../../common/china-day-range';
import { LetterShownStatus, LetterShownStatuses } from '../domain/letter';
import { LetterKinds } from '../views/letter.view';
import { DEPARTMENT_CODE, DEPARTMENT_CODE_RULE } from './codes';

export class ListLettersQuery extends PageQuery {
  @ApiPropertyOptional({ description: '主送机关 (addressee department)', example: 'AS-TD-XZSPJ' })
  @IsOptional()
  @Matches(DEPARTMENT_CODE, { message: `departmentCode ${DEPARTMENT_CODE_RULE}` })
  departmentCode?: string;

  @ApiPropertyOptional({ enum: LetterShownStatuses, description: 'overdue: unanswered after the reply deadline' })
  @IsOptional()
  @IsIn(LetterShownStatuses)
  status?: LetterShownStatus;

  @ApiPropertyOptional({ enum: LetterKinds })
  @IsOptional()
  @IsIn(LetterKinds)
  kind?: LetterKind;

  @ApiPropertyOptional({ description: 'issued on or after this day (China time)', example: '2026-12-01' })
  @IsOptional()
  @IsReportDay()
  from?: string;

  @ApiPropertyOptional({ description: 'issued on or before this day (China time); not before `from` (rule notBeforeFrom)', example: '2026-12-31' })
  @IsOptional()
  @IsReportDay()
  to?: string;
}
