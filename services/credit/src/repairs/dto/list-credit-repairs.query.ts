import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsUscc, PageQuery } from '@cityworks/platform';
import { CreditRepairStatus, CreditRepairStatuses } from '../domain/credit-repair';

export class ListCreditRepairsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CreditRepairStatuses })
  @IsOptional()
  @IsIn(CreditRepairStatuses, { message: `status must be one of ${CreditRepairStatuses.join(', ')}` })
  status?: CreditRepairStatus;

  @ApiPropertyOptional({ description: '统一社会信用代码' })
  @IsOptional()
  @IsUscc()
  uscc?: string;
}
