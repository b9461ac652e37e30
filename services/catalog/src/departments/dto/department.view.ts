import { ApiProperty } from '@nestjs/swagger';
import { DepartmentKinds } from '@cityworks/contracts';
import type { DepartmentKind } from '@cityworks/contracts';

/** An office issuing 提醒函 / 督办函, as its department lists it. */
export class DepartmentLetterOfficeView {
  @ApiProperty({ example: 'AS-GGB-LETTERS' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: '文号简称', example: '鞍工改办' }) shortName: string;
  @ApiProperty() departmentCode: string;
}

/** A department as the API answers it (the Department row with its letter offices). */
export class DepartmentView {
  @ApiProperty({ example: 'AS-ZJJ' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '210300' }) regionCode: string;
  @ApiProperty({ enum: DepartmentKinds }) kind: DepartmentKind;
  @ApiProperty({ type: [DepartmentLetterOfficeView] }) letterOffices: DepartmentLetterOfficeView[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
}

/** An office issuing letters, with its department. */
export class LetterOfficeView {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: '文号简称' }) shortName: string;
  @ApiProperty() departmentCode: string;
  @ApiProperty() departmentName: string;
  @ApiProperty() regionCode: string;
}
