import { ApiProperty } from '@nestjs/swagger';
import { CreditRecordKinds, CreditSeverities, CreditSourceTypes } from '@cityworks/contracts';
import type { AuthUser, CreditRecordKind, CreditSeverity, CreditSourceType } from '@cityworks/contracts';
import { Roles } from '@cityworks/contracts';
import { isActive } from '../../grading/credit-grade';
import { CreditRecord } from '../credit-record.entity';

/**
 * Whether a reader sees a record's 认定事由 (`reason`), which may name people: the credit office,
 * auditors, the 工改办 and the system always; other staff only for their own department's
 * findings. Everyone who may look a subject up sees the classification, dates and grade (信用信息共享).
 */
export function readsReasonOf(reader: AuthUser, record: Pick<CreditRecord, 'sourceDepartmentCode'>): boolean {
  const full = [Roles.creditOfficer, Roles.auditor, Roles.reformOffice, Roles.system] as const;
  return reader.roles.some((r) => (full as readonly string[]).includes(r)) || reader.departmentCode === record.sourceDepartmentCode;
}

export class CreditRecordView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: '统一社会信用代码' }) uscc: string;
  @ApiProperty({ enum: CreditRecordKinds }) kind: CreditRecordKind;
  @ApiProperty({ enum: CreditSeverities, nullable: true }) severity: CreditSeverity | null;
  @ApiProperty({ enum: CreditSourceTypes }) sourceType: CreditSourceType;
  @ApiProperty() sourceDepartmentCode: string;
  @ApiProperty({ nullable: true, type: String }) sourceRef: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: '认定事由; null when withheld from the reader (another department’s finding read outside the credit office)',
  })
  reason: string | null;
  @ApiProperty({ format: 'date' }) decidedOn: string;
  @ApiProperty({ format: 'date', description: 'the last day the record counts' }) expiresOn: string;
  @ApiProperty({ description: '信用修复 done' }) repaired: boolean;
  @ApiProperty({ description: 'counts towards the grade today (decided, unexpired, unrepaired)' }) active: boolean;
  @ApiProperty() createdAt: Date;

  static of(record: CreditRecord, asOf: string, reader: AuthUser): CreditRecordView {
    const { id, uscc, kind, severity, sourceType, sourceDepartmentCode, sourceRef, reason, decidedOn, expiresOn, repaired, createdAt } = record;
    return Object.assign(new CreditRecordView(), {
      id,
      uscc,
      kind,
      severity,
      sourceType,
      sourceDepartmentCode,
      sourceRef,
      reason: readsReasonOf(reader, record) ? reason : null,
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
