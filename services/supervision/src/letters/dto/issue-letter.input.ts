import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsNotEmpty, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import type { IssueLetterInput, LetterKind } from '@cityworks/contracts';
import { ObligationInput } from '../../escalation/dto/obligation.input';
import { DEPARTMENT_CODE, DEPARTMENT_CODE_RULE } from './codes';

/** 发文机关 as the catalog's letterOfficeFor answered it. */
export class LetterOfficeInput {
  @Matches(DEPARTMENT_CODE, { message: `office.code ${DEPARTMENT_CODE_RULE}` })
  code: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @IsString()
  @Matches(/^\S{2,32}$/u, { message: 'shortName must be 2–32 characters without spaces' })
  shortName: string;

  @Matches(DEPARTMENT_CODE, { message: `office.departmentCode ${DEPARTMENT_CODE_RULE}` })
  departmentCode: string;
}

/** issueLetter's input (contract IssueLetterInput), checked. */
export class IssueLetterInputDto implements IssueLetterInput {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  claimKey: string;

  @IsIn(['提醒函', '督办函'])
  kind: LetterKind;

  @IsObject()
  @ValidateNested()
  @Type(() => LetterOfficeInput)
  office: LetterOfficeInput;

  @IsObject()
  @ValidateNested()
  @Type(() => ObligationInput)
  obligation: ObligationInput & IssueLetterInput['obligation'];

  @IsISO8601({ strict: true })
  missedDueAt: string;

  @IsISO8601({ strict: true })
  replyDueAt: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  addresseeName?: string;
}
