import { ApiProperty } from '@nestjs/swagger';
import { CreditRepairStatus, CreditRepairStatuses, RepairEvidenceKind, RepairEvidenceKinds } from '../domain/credit-repair';
import { CreditRepairRecord } from '../credit-repair.entity';

export class RepairEvidenceView {
  @ApiProperty({ enum: RepairEvidenceKinds }) kind: RepairEvidenceKind;
  @ApiProperty() reference: string;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
}

export class CreditRepairView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'the 失信 record to repair' }) recordId: string;
  @ApiProperty({ description: '统一社会信用代码' }) uscc: string;
  @ApiProperty({ enum: CreditRepairStatuses }) status: CreditRepairStatus;
  @ApiProperty() applicantName: string;
  @ApiProperty() correction: string;
  @ApiProperty({ type: [RepairEvidenceView] }) evidence: RepairEvidenceView[];
  @ApiProperty() appliedAt: Date;
  @ApiProperty() appliedBy: string;
  @ApiProperty({ type: String, nullable: true }) decisionReason: string | null;
  @ApiProperty({ type: Date, nullable: true }) decidedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) decidedBy: string | null;

  static of(r: CreditRepairRecord): CreditRepairView {
    const { id, recordId, uscc, status, applicantName, correction, evidence, appliedAt, appliedBy, decisionReason, decidedAt, decidedBy } = r;
    return Object.assign(new CreditRepairView(), {
      id,
      recordId,
      uscc,
      status,
      applicantName,
      correction,
      evidence: evidence.map((e) => ({ kind: e.kind, reference: e.reference, title: e.title ?? null })),
      appliedAt,
      appliedBy,
      decisionReason,
      decidedAt,
      decidedBy,
    });
  }
}

export class CreditRepairPage {
  @ApiProperty({ type: [CreditRepairView] }) items: CreditRepairView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
