import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CreditRecordKind, CreditRecordKinds } from '@cityworks/contracts';
import { IsUscc, PageQuery } from '@cityworks/platform';

export class ListCreditRecordsQuery extends PageQuery {
  @ApiPropertyOptional({ description: '统一社会信用代码' })
  @IsOptional()
  @IsUscc()
  uscc?: string;

  @ApiPropertyOptional({ enum: CreditRecordKinds })
  @IsOptional()
  @IsIn(CreditRecordKinds, { message: `kind must be one of ${CreditRecordKinds.join(', ')}` })
  kind?: CreditRecordKind;
}
