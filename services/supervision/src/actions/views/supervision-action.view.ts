import { ApiProperty } from '@nestjs/swagger';
import { CheckResult, CheckResults } from '@cityworks/contracts';
import { CheckDetails, EnforcementDetails, PenaltyDetails, SupervisionAction } from '../domain/supervision-action';
import {
  ActionKind,
  ActionKinds,
  CheckForm,
  CheckForms,
  CheckMethod,
  CheckMethods,
  EnforcementMeasure,
  EnforcementMeasures,
  PenaltyCategories,
  PenaltyCategory,
  PenaltySeverities,
  PenaltySeverity,
} from '../domain/action-vocabulary';

export class InspectorView {
  @ApiProperty()
  name: string;

  @ApiProperty({ description: '执法证号' })
  certificateNumber: string;
}

export class CheckView {
  @ApiProperty({ enum: CheckForms })
  form: CheckForm;

  @ApiProperty({ enum: CheckMethods })
  method: CheckMethod;

  @ApiProperty({ type: [InspectorView] })
  inspectors: InspectorView[];

  @ApiProperty({ enum: CheckResults, nullable: true, description: 'null until reported' })
  result: CheckResult | null;

  @ApiProperty({ type: String, nullable: true })
  findings: string | null;
}

export class PenaltyView {
  @ApiProperty()
  documentNumber: string;

  @ApiProperty()
  violationType: string;

  @ApiProperty()
  facts: string;

  @ApiProperty()
  legalBasis: string;

  @ApiProperty({ enum: PenaltyCategories, isArray: true })
  categories: PenaltyCategory[];

  @ApiProperty()
  content: string;

  @ApiProperty({ type: String, nullable: true, description: 'yuan, two decimals' })
  fineAmount: string | null;

  @ApiProperty({ format: 'date' })
  decisionDate: string;

  @ApiProperty({ format: 'date' })
  validUntil: string;

  @ApiProperty({ enum: PenaltySeverities })
  severity: PenaltySeverity;
}

export class EnforcementView {
  @ApiProperty()
  documentNumber: string;

  @ApiProperty({ enum: EnforcementMeasures })
  measure: EnforcementMeasure;

  @ApiProperty()
  facts: string;

  @ApiProperty()
  legalBasis: string;

  @ApiProperty()
  content: string;

  @ApiProperty({ format: 'date' })
  decisionDate: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  endsOn: string | null;
}

/** A 监管行为 as recorded, with where it stands in its reporting period. */
export class SupervisionActionView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ActionKinds })
  kind: ActionKind;

  @ApiProperty({ description: '实施机关' })
  departmentCode: string;

  @ApiProperty()
  supervisionItemCode: string;

  @ApiProperty({ type: String, nullable: true })
  planId: string | null;

  @ApiProperty({ type: String, nullable: true })
  campaignId: string | null;

  @ApiProperty()
  subjectName: string;

  @ApiProperty()
  subjectUscc: string;

  @ApiProperty({ type: String, nullable: true })
  legalRepresentative: string | null;

  @ApiProperty()
  regionCode: string;

  @ApiProperty({ format: 'date-time', description: '检查时间, or the start of the decision day (China)' })
  actedAt: string;

  @ApiProperty({ enum: ['recorded', 'reported'], description: 'recorded: a check awaiting its report' })
  status: 'recorded' | 'reported';

  @ApiProperty({ format: 'date-time', description: 'the end of the reporting period (7 日内上传)' })
  reportDueAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  reportedAt: string | null;

  @ApiProperty({ type: Boolean, nullable: true, description: 'reported after reportDueAt; null until reported' })
  late: boolean | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'when the period ran out unreported' })
  overdueAt: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'the reporting workflow (action-report-<id>); null when reported as recorded' })
  workflowId: string | null;

  @ApiProperty({ format: 'date-time' })
  recordedAt: string;

  @ApiProperty()
  recordedBy: string;

  @ApiProperty({ type: CheckView, nullable: true })
  check: CheckView | null;

  @ApiProperty({ type: PenaltyView, nullable: true })
  penalty: PenaltyView | null;

  @ApiProperty({ type: EnforcementView, nullable: true })
  enforcement: EnforcementView | null;

  static of(action: SupervisionAction): SupervisionActionView {
    const s = action.snapshot;
    return Object.assign(new SupervisionActionView(), {
      id: s.id,
      kind: s.kind,
      departmentCode: s.departmentCode,
      supervisionItemCode: s.supervisionItemCode,
      planId: s.planId,
      campaignId: s.campaignId,
      subjectName: s.subjectName,
      subjectUscc: s.subjectUscc,
      legalRepresentative: s.legalRepresentative,
      regionCode: s.regionCode,
      actedAt: s.actedAt.toISOString(),
      status: s.status,
      reportDueAt: s.reportDueAt.toISOString(),
      reportedAt: s.reportedAt?.toISOString() ?? null,
      late: s.late,
      overdueAt: s.overdueAt?.toISOString() ?? null,
      workflowId: s.workflowId,
      recordedAt: s.recordedAt.toISOString(),
      recordedBy: s.recordedBy,
      check: s.kind === 'check' ? Object.assign(new CheckView(), s.details as CheckDetails) : null,
      penalty: s.kind === 'penalty' ? Object.assign(new PenaltyView(), s.details as PenaltyDetails) : null,
      enforcement: s.kind === 'enforcement' ? Object.assign(new EnforcementView(), s.details as EnforcementDetails) : null,
    });
  }
}

export class SupervisionActionPageView {
  @ApiProperty({ type: [SupervisionActionView] })
  items: SupervisionActionView[];

  @ApiProperty()
  total: number;

  @ApiProperty()
  page: number;

  @ApiProperty()
  pageSize: number;
}
