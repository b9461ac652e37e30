import { ApiProperty } from '@nestjs/swagger';
import { CreditRecordKinds, CreditSeverities, CreditSourceTypes } from '@cityworks/contracts';
import type { CreditRecordKind, CreditSeverity, CreditSourceType } from '@cityworks/contracts';
import { isActive } from '../../grading/credit-grade';
import { CreditRecord } from '../credit-record.entity';

export class CreditRecordView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: '统一社会信用代码' }) uscc: string;
  @ApiProperty({ enum: CreditRecordKinds }) kind: CreditRecordKind;
  @ApiProperty({ enum: CreditSeverities, nullable: true }) severity: CreditSeverity | null;
  @ApiProperty({ enum: CreditSourceTypes }) sourceType: CreditSourceType;
  @ApiProperty() sourceDepartmentCode: string;
  @ApiProperty({ nullable: true, type: String }) sourceRef: string | null;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date' }) decidedOn: string;
  @ApiProperty({ format: 'date', description: 'the last day the record counts' }) expiresOn: string;
  @ApiProperty({ description: '信用修复 done' }) repaired: boolean;
  @ApiProperty({ description: 'counts towards the grade today (decided, unexpired, unrepaired)' }) active: boolean;
  @ApiProperty() createdAt: Date;

  static of(record: CreditRecord, asOf: string): CreditRecordView {
    const { id, uscc, kind, severity, sourceType, sourceDepartmentCode, sourceRef, reason, decidedOn, expiresOn, repaired, createdAt } = record;
    return Object.assign(new CreditRecordView(), {
      id,
      uscc,
      kind,
      severity,
      sourceType,
      sourceDepartmentCode,
      sourceRef,
      reason,
      decidedOn,
      expiresOn,
      repaired,
      createdAt,
      active: isActive(record, asOf),
    });
  }
}

export class CreditRecordPage {
  @ApiProperty({ type: [CreditRecordView] }) items: CreditRecordView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
