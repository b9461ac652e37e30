import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { DAY_PATTERN } from '../../actions/dto/action-header.dto';

export class InactionReportQuery {
  @ApiProperty({ format: 'date', description: 'first day of the period (China), included', example: '2026-11-01' })
  @Matches(DAY_PATTERN, { message: 'from must be a day written YYYY-MM-DD' })
  from: string;

  @ApiProperty({ format: 'date', description: 'last day of the period (China), included', example: '2026-11-30' })
  @Matches(DAY_PATTERN, { message: 'to must be a day written YYYY-MM-DD' })
  to: string;

  @ApiPropertyOptional({ description: 'one department (工改办 and auditors; others get their own whatever they ask)' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'departmentCode must be 1–64 letters, digits, dots, underscores or hyphens' })
  departmentCode?: string;
}
