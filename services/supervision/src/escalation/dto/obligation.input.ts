import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { EscalatedObligation, ObligationKind, ObligationKinds } from '@cityworks/contracts';
import { DEPARTMENT_CODE, DEPARTMENT_CODE_RULE } from '../../letters/dto/codes';

/** The fields of the contract's Obligation that letters and the ledger keep. */
export class ObligationInput {
  @IsIn(ObligationKinds)
  kind: ObligationKind;

  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  id: string;

  @Matches(DEPARTMENT_CODE, { message: `departmentCode ${DEPARTMENT_CODE_RULE}` })
  departmentCode: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  regionCode: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  projectCode: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  itemCode: string | null;

  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  demandedAction: string;
}

export function escalatedObligation(o: ObligationInput): EscalatedObligation {
  return { kind: o.kind, id: o.id, title: o.title, regionCode: o.regionCode, projectCode: o.projectCode ?? null, itemCode: o.itemCode ?? null };
}
