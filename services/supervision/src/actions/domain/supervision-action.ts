import { CheckResult, SupervisionCheckRecordedV1, SupervisionEventTypes, SupervisionPenaltyDecidedV1 } from '@cityworks/contracts';
import { chinaDateOf, isIsoDate, startOfChinaDay } from '@cityworks/calendar';
import { isValidUscc, MaybeTransition, NO_CHANGE, RuleViolation, Transition } from '@cityworks/platform';
import { ActionKind, CheckForm, CheckMethod, EnforcementMeasure, FINE_AMOUNT_PATTERN, PenaltyCategory, PenaltySeverity } from './action-vocabulary';

/** 执法人员 on a check: name and 执法证号 */
export interface Inspector {
  name: string;
  certificateNumber: string;
}

export interface CheckDetails {
  form: CheckForm;
  method: CheckMethod;
  inspectors: Inspector[];
  /** set when the check is reported */
  result: CheckResult | null;
  findings: string | null;
}

export interface PenaltyDetails {
  documentNumber: string;
  violationType: string;
  facts: string;
  legalBasis: string;
  categories: PenaltyCategory[];
  content: string;
  /** yuan, two decimals, as written; null when 罚款 is not among the categories */
  fineAmount: string | null;
  /** YYYY-MM-DD */
  decisionDate: string;
  /** 处罚有效期 (公示截止), YYYY-MM-DD */
  validUntil: string;
  severity: PenaltySeverity;
}

export interface EnforcementDetails {
  documentNumber: string;
  measure: EnforcementMeasure;
  facts: string;
  legalBasis: string;
  content: string;
  decisionDate: string;
  /** 强制期限 end (查封、扣押 ≤ 30 days), YYYY-MM-DD; null for an execution */
  endsOn: string | null;
}

export type ActionDetails = CheckDetails | PenaltyDetails | EnforcementDetails;
export type ActionStatus = 'recorded' | 'reported';

/** Everything an action is; the repository stores and restores exactly this. */
export interface SupervisionActionState {
  id: string;
  kind: ActionKind;
  /** 实施机关: the caller's own department */
  departmentCode: string;
  supervisionItemCode: string;
  /** 检查计划编号 */
  planId: string | null;
  campaignId: string | null;
  subjectName: string;
  subjectUscc: string;
  legalRepresentative: string | null;
  regionCode: string;
  /** 检查时间, or the start of the decision day of a penalty or an enforcement */
  actedAt: Date;
  details: ActionDetails;
  status: ActionStatus;
  /** 7 日内上传: the end of the reporting period */
  reportDueAt: Date;
  reportedAt: Date | null;
  /** reported after reportDueAt (null until reported) */
  late: boolean | null;
  overdueAt: Date | null;
  /** the reporting workflow; null when the action was reported as it was recorded */
  workflowId: string | null;
  recordedAt: Date;
  recordedBy: string;
}

/** What every action states about whom it concerns, as the caller gave it. */
export interface ActionHeader {
  departmentCode: string;
  supervisionItemCode: string;
  planId: string | null;
  campaignId: string | null;
  subjectName: string;
  subjectUscc: string;
  legalRepresentative: string | null;
  regionCode: string;
}

export interface RecordContext {
  id: string;
  now: Date;
  userId: string;
  reportDueAt: Date;
  workflowId: string | null;
}

const isDay = (s: string) => isIsoDate(s);

/**
 * 监管行为: a 行政检查, 行政处罚 or 行政强制 of a department on a subject under one of its
 * supervision items, kept in the fields the national 互联网+监管 exchange uses, to be reported
 * (上传) within the reporting period. A check is registered when it is made and reported with
 * its result (its 监管日志 grows between); a penalty or an enforcement is reported as it is
 * recorded. Every rule of its life is here; the service only authorises and saves.
 */
export class SupervisionAction {
  private constructor(private state: SupervisionActionState) {}

  static restore(state: SupervisionActionState): SupervisionAction {
    return new SupervisionAction({ ...state });
  }

  get snapshot(): Readonly<SupervisionActionState> {
    return this.state;
  }

  get id(): string {
    return this.state.id;
  }

  private static assertHeader(header: ActionHeader): void {
    // the DTO checks this too; the model does not trust its caller
    if (!isValidUscc(header.subjectUscc)) throw new RuleViolation('subjectUscc must be a valid 统一社会信用代码 (check character)', 'rule');
    if (!header.subjectName.trim()) throw new RuleViolation('subjectName must not be blank', 'rule');
  }

  /**
   * A check is registered: who checked whom, when, how, with which 执法证. With `result` it is
   * reported at once; without, the reporting period runs and the result comes by `report`.
   */
  static registerCheck(
    header: ActionHeader,
    check: { checkedAt: Date; form: CheckForm; method: CheckMethod; inspectors: Inspector[]; result?: CheckResult; findings?: string | null },
    ctx: RecordContext,
  ): { action: SupervisionAction; transitions: Transition[] } {
    SupervisionAction.assertHeader(header);
    if (check.checkedAt.getTime() > ctx.now.getTime()) throw new RuleViolation('checkedAt must not be in the future: a check is recorded once made', 'rule');
    if (check.inspectors.length < 1) throw new RuleViolation('inspectors must name at least one 执法人员 with a certificate number', 'rule');
    const numbers = check.inspectors.map((i) => i.certificateNumber);
    if (new Set(numbers).size !== numbers.length) throw new RuleViolation('inspectors must not list a certificate number twice', 'rule');
    const action = new SupervisionAction({
      ...header,
      id: ctx.id,
      kind: 'check',
      actedAt: check.checkedAt,
      details: { form: check.form, method: check.method, inspectors: check.inspectors, result: null, findings: null },
      status: 'recorded',
      reportDueAt: ctx.reportDueAt,
      reportedAt: null,
      late: null,
      overdueAt: null,
      workflowId: check.result ? null : ctx.workflowId,
      recordedAt: ctx.now,
      recordedBy: ctx.userId,
    });
    const registered: Transition = {
      action: 'supervision-action.check-registered',
      before: null,
      after: { kind: 'check', supervisionItemCode: header.supervisionItemCode, subjectUscc: header.subjectUscc, checkedAt: check.checkedAt.toISOString() },
      events: [],
    };
    if (!check.result) return { action, transitions: [registered] };
    return { action, transitions: [registered, action.reportCheck(check.result, check.findings ?? null, ctx.now)] };
  }

  /** 检查结果 reported: the check is complete and goes to credit and the exchange. */
  reportCheck(result: CheckResult, findings: string | null, now: Date): Transition {
    if (this.state.kind !== 'check') throw new RuleViolation(`action ${this.state.id} is a ${this.state.kind}, reported as it was recorded`);
    if (this.state.status === 'reported') throw new RuleViolation(`check ${this.state.id} is already reported`);
    if (result !== 'no-problem' && !findings?.trim())
      throw new RuleViolation('findings must say what the check found when the result is not no-problem', 'rule');
    const details = this.state.details as CheckDetails;
    this.state = { ...this.state, details: { ...details, result, findings: findings?.trim() || null } };
    const reported = this.markReported(now);
    const data: SupervisionCheckRecordedV1 = {
      actionId: this.state.id,
      planId: this.state.planId,
      campaignId: this.state.campaignId,
      supervisionItemCode: this.state.supervisionItemCode,
      departmentCode: this.state.departmentCode,
      subjectUscc: this.state.subjectUscc,
      regionCode: this.state.regionCode,
      result,
      checkedAt: this.state.actedAt.toISOString(),
      reportedAt: now.toISOString(),
    };
    return {
      action: 'supervision-action.check-reported',
      before: { status: 'recorded' },
      after: { status: 'reported', result, late: reported.late },
      events: [{ type: SupervisionEventTypes.checkRecorded, subject: this.state.id, data }],
    };
  }

  /** 行政处罚 decided and recorded: reported at once, late when its decision is older than the period. */
  static recordPenalty(header: ActionHeader, penalty: PenaltyDetails, ctx: RecordContext): { action: SupervisionAction; transition: Transition } {
    SupervisionAction.assertHeader(header);
    SupervisionAction.assertDecisionDay(penalty.decisionDate, ctx.now);
    if (!isDay(penalty.validUntil) || penalty.validUntil < penalty.decisionDate)
      throw new RuleViolation('validUntil must be a day (YYYY-MM-DD) not before decisionDate', 'rule');
    if (new Set(penalty.categories).size !== penalty.categories.length) throw new RuleViolation('categories must not list a category twice', 'rule');
    const fined = penalty.categories.includes('罚款');
    if (fined && (penalty.fineAmount === null || !FINE_AMOUNT_PATTERN.test(penalty.fineAmount)))
      throw new RuleViolation('fineAmount must be given, in yuan with at most two decimals (e.g. "20000.00"), when the categories include 罚款', 'rule');
    if (!fined && penalty.fineAmount !== null) throw new RuleViolation('fineAmount is only for a penalty whose categories include 罚款', 'rule');
    const fineAmount = penalty.fineAmount === null ? null : Number(penalty.fineAmount).toFixed(2);
    const action = SupervisionAction.decided(header, 'penalty', { ...penalty, fineAmount }, penalty.decisionDate, ctx);
    const reported = action.markReported(ctx.now);
    const data: SupervisionPenaltyDecidedV1 = {
      actionId: ctx.id,
      documentNumber: penalty.documentNumber,
      subjectUscc: header.subjectUscc,
      subjectName: header.subjectName,
      legalRepresentative: header.legalRepresentative,
      supervisionItemCode: header.supervisionItemCode,
      departmentCode: header.departmentCode,
      violationType: penalty.violationType,
      facts: penalty.facts,
      legalBasis: penalty.legalBasis,
      category: penalty.categories.join('、'),
      content: penalty.content,
      fineAmount,
      decisionDate: penalty.decisionDate,
      severity: penalty.severity,
      decidedAt: action.state.actedAt.toISOString(),
    };
    return {
      action,
      transition: {
        action: 'supervision-action.penalty-recorded',
        before: null,
        after: { kind: 'penalty', documentNumber: penalty.documentNumber, subjectUscc: header.subjectUscc, fineAmount, late: reported.late },
        events: [{ type: SupervisionEventTypes.penaltyDecided, subject: ctx.id, data }],
      },
    };
  }

  /** 行政强制 recorded: reported at once. No contract event: credit records the penalty, not the measure. */
  static recordEnforcement(header: ActionHeader, enforcement: EnforcementDetails, ctx: RecordContext): { action: SupervisionAction; transition: Transition } {
    SupervisionAction.assertHeader(header);
    SupervisionAction.assertDecisionDay(enforcement.decisionDate, ctx.now);
    if (enforcement.endsOn !== null && (!isDay(enforcement.endsOn) || enforcement.endsOn < enforcement.decisionDate))
      throw new RuleViolation('endsOn must be a day (YYYY-MM-DD) not before decisionDate', 'rule');
    const action = SupervisionAction.decided(header, 'enforcement', enforcement, enforcement.decisionDate, ctx);
    const reported = action.markReported(ctx.now);
    return {
      action,
      transition: {
        action: 'supervision-action.enforcement-recorded',
        before: null,
        after: { kind: 'enforcement', documentNumber: enforcement.documentNumber, measure: enforcement.measure, late: reported.late },
        events: [],
      },
    };
  }

  private static assertDecisionDay(day: string, now: Date): void {
    if (!isDay(day)) throw new RuleViolation('decisionDate must be a real day written YYYY-MM-DD', 'rule');
    if (day > chinaDateOf(now)) throw new RuleViolation('decisionDate must not be in the future', 'rule');
  }

  private static decided(header: ActionHeader, kind: ActionKind, details: ActionDetails, decisionDate: string, ctx: RecordContext): SupervisionAction {
    return new SupervisionAction({
      ...header,
      id: ctx.id,
      kind,
      actedAt: startOfChinaDay(decisionDate),
      details,
      status: 'recorded',
      reportDueAt: ctx.reportDueAt,
      reportedAt: null,
      late: null,
      overdueAt: null,
      workflowId: null,
      recordedAt: ctx.now,
      recordedBy: ctx.userId,
    });
  }

  private markReported(now: Date): { late: boolean } {
    const late = now.getTime() > this.state.reportDueAt.getTime();
    this.state = { ...this.state, status: 'reported', reportedAt: now, late };
    return { late };
  }

  /** The reporting period ended with the check unreported; asking again changes nothing. */
  markOverdue(now: Date): MaybeTransition {
    if (this.state.status !== 'recorded' || this.state.overdueAt) return NO_CHANGE;
    this.state = { ...this.state, overdueAt: now };
    return {
      action: 'supervision-action.report-overdue',
      before: { status: 'recorded' },
      after: { status: 'recorded', overdueAt: now.toISOString(), reportDueAt: this.state.reportDueAt.toISOString() },
      events: [],
    };
  }

  /** reported (上传): its record is complete */
  get isReported(): boolean {
    return this.state.status === 'reported';
  }
}
