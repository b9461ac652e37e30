import { ConflictException, ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager, QueryFailedError } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { actionReportWorkflowId, AuthUser, Topics } from '@cityworks/contracts';
import { StateChange, UnitOfWork } from '@cityworks/messaging';
import { ServiceCalendar } from '@cityworks/calendar-sync';
import { departmentFilter, mayAct, mayRead, RuleViolation, Transition } from '@cityworks/platform';
import { chinaDateOf, isIsoDate, startOfChinaDay } from '@cityworks/calendar';
import { ActionHeader, RecordContext, SupervisionAction } from './domain/supervision-action';
import { actionReportDueAt, SupervisionTerms } from './domain/reporting-terms';
import { SupervisionActionsRepository } from './persistence/supervision-actions.repository';
import { SupervisionObligationWorkflowClient } from './workflow/supervision-obligation.workflow-client';
import { SupervisionActionPageView, SupervisionActionView } from './views/supervision-action.view';
import { ActionHeaderDto } from './dto/action-header.dto';
import { CheckResultDto, RecordCheckDto } from './dto/record-check.dto';
import { RecordEnforcementDto, RecordPenaltyDto } from './dto/record-penalty.dto';
import { ListActionsQuery } from './dto/list-actions.query';
import { SupervisionLogWriter } from '../supervision-log/supervision-log.writer';
import { SupervisionItemCatalog } from '../inaction-report/catalog-copy/supervision-item-catalog';
import type { LogStep } from '../supervision-log/domain/log-entry';

export const SUPERVISION_TERMS = Symbol('SUPERVISION_TERMS');
const RESOURCE = 'supervision-action';

/** The start of a decision day; the reporting period counts from it (422 before anything when it is no real day). */
function decisionDay(day: string): Date {
  if (!isIsoDate(day)) throw new RuleViolation('decisionDate must be a real day written YYYY-MM-DD', 'rule');
  return startOfChinaDay(day);
}

/** The department an action is recorded for: the caller's own (谁检查谁记录). */
export function ownDepartment(user: AuthUser): string {
  if (!user.departmentCode) throw new ForbiddenException('a supervision action is recorded by a department: the token names none');
  return user.departmentCode;
}

/**
 * Use cases of 监管行为: the department comes from the token, the rules from the model, the
 * reporting deadline from the city's terms and calendar; every change goes through the unit of
 * work with its events and workflow commands.
 */
@Injectable()
export class SupervisionActionsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly actions: SupervisionActionsRepository,
    private readonly workflow: SupervisionObligationWorkflowClient,
    private readonly calendar: ServiceCalendar,
    @Inject(SUPERVISION_TERMS) private readonly terms: SupervisionTerms,
    private readonly log: SupervisionLogWriter,
    private readonly items: SupervisionItemCatalog,
  ) {}

  /**
   * The action's 监管事项, checked against supervision's copy of the catalog when the copy knows
   * the code: in force on the action day and the acting department's own (a violation outside
   * its duty is referred, 告知其他机关). A code the copy has never heard of passes on its format
   * alone: the copy fills from catalog events and may not have this list yet.
   */
  private async assertItem(manager: EntityManager, header: ActionHeader, actedAt: Date): Promise<void> {
    const day = chinaDateOf(actedAt);
    const { known, inForce } = await this.items.lookup(manager, header.supervisionItemCode, day);
    if (!known) return;
    if (!inForce.length)
      throw new RuleViolation(`supervisionItemCode ${header.supervisionItemCode} is not in force on ${day} (retired, withdrawn or not yet effective)`, 'rule');
    if (!inForce.some((i) => i.departmentCode === header.departmentCode))
      throw new RuleViolation(
        `supervisionItemCode ${header.supervisionItemCode} is ${inForce[0].departmentCode}'s item, not ${header.departmentCode}'s: a violation outside your duty is referred (POST /supervision-actions/{id}/referrals)`,
        'rule',
      );
  }

  /** The service's own steps in the 监管日志 (登记, 上报), in the same transaction as the change. */
  private async logStep(change: StateChange, action: SupervisionAction, step: LogStep, user: AuthUser, now: Date, note: string): Promise<void> {
    await this.log.appendIn(
      change,
      change.manager,
      action.id,
      { step, at: now, note, attachments: [], actorUserId: user.userId, actorDepartmentCode: user.departmentCode ?? null },
      now,
    );
  }

  private header(user: AuthUser, dto: ActionHeaderDto): ActionHeader {
    return {
      departmentCode: ownDepartment(user),
      supervisionItemCode: dto.supervisionItemCode,
      planId: dto.planId ?? null,
      campaignId: dto.campaignId ?? null,
      subjectName: dto.subjectName.trim(),
      subjectUscc: dto.subjectUscc,
      legalRepresentative: dto.legalRepresentative?.trim() ?? null,
      regionCode: dto.regionCode,
    };
  }

  private context(user: AuthUser, actedAt: Date, withWorkflow: boolean): RecordContext {
    const id = randomUUID();
    return {
      id,
      now: new Date(),
      userId: user.userId,
      reportDueAt: actionReportDueAt(this.terms, this.calendar.current, actedAt),
      workflowId: withWorkflow ? actionReportWorkflowId(id) : null,
    };
  }

  /** 行政检查 registered (and reported, when the result comes with it). */
  async recordCheck(user: AuthUser, dto: RecordCheckDto): Promise<SupervisionActionView> {
    const checkedAt = new Date(dto.checkedAt);
    const ctx = this.context(user, checkedAt, !dto.result);
    const { action, transitions } = SupervisionAction.registerCheck(
      this.header(user, dto),
      {
        checkedAt,
        form: dto.form,
        method: dto.method,
        inspectors: dto.inspectors.map((i) => ({ name: i.name.trim(), certificateNumber: i.certificateNumber })),
        result: dto.result,
        findings: dto.findings ?? null,
      },
      ctx,
    );
    await this.uow.run(async (change) => {
      await this.assertItem(change.manager, action.snapshot, checkedAt);
      await this.actions.insert(change.manager, action);
      for (const t of transitions) change.record({ type: RESOURCE, id: action.id }, t, Topics.supervision);
      await this.logStep(change, action, 'registered', user, ctx.now, '登记行政检查');
      if (action.isReported) await this.logStep(change, action, 'reported', user, ctx.now, `上报检查结果：${dto.result}`);
      const s = action.snapshot;
      if (s.workflowId) change.command(this.workflow.start(s.workflowId, this.reportObligation(action), this.terms));
    });
    return SupervisionActionView.of(action);
  }

  private reportObligation(action: SupervisionAction) {
    const s = action.snapshot;
    return {
      kind: 'action-report' as const,
      id: s.id,
      departmentCode: s.departmentCode,
      regionCode: s.regionCode,
      itemCode: s.supervisionItemCode,
      dueAt: s.reportDueAt.toISOString(),
      title: `对${s.subjectName}（${s.subjectUscc}）的行政检查记录`,
      demandedAction: `在检查后${this.terms.actionReportDays}${this.terms.actionReportDayKind === 'working' ? '个工作日' : '日'}内上报检查结果`,
    };
  }

  /** 检查结果 reported: published to credit and the exchange, the reporting workflow told. */
  async reportCheck(user: AuthUser, id: string, dto: CheckResultDto): Promise<SupervisionActionView> {
    const action = await this.uow.run(async (change) => {
      const current = await this.actions.lockForChange(change.manager, id);
      if (!current || !mayRead(user, current.snapshot.departmentCode)) throw new NotFoundException(`supervision action ${id} not found`);
      if (!mayAct(user, current.snapshot.departmentCode))
        throw new ForbiddenException(`only ${current.snapshot.departmentCode}, which made the check, reports it`);
      const now = new Date();
      const transition = current.reportCheck(dto.result, dto.findings ?? null, now);
      await this.actions.save(change.manager, current);
      change.record({ type: RESOURCE, id }, transition, Topics.supervision);
      await this.logStep(change, current, 'reported', user, now, `上报检查结果：${dto.result}${current.snapshot.late ? '（逾期上报）' : ''}`);
      if (current.snapshot.workflowId) change.command(this.workflow.met(current.snapshot.workflowId, now));
      return current;
    });
    return SupervisionActionView.of(action);
  }

  /** 行政处罚决定 recorded and reported; credit hears of it by supervision.penalty-decided.v1. */
  async recordPenalty(user: AuthUser, dto: RecordPenaltyDto): Promise<SupervisionActionView> {
    const ctx = this.context(user, decisionDay(dto.decisionDate), false);
    const { action, transition } = SupervisionAction.recordPenalty(
      this.header(user, dto),
      {
        documentNumber: dto.documentNumber,
        violationType: dto.violationType.trim(),
        facts: dto.facts.trim(),
        legalBasis: dto.legalBasis.trim(),
        categories: dto.categories,
        content: dto.content.trim(),
        fineAmount: dto.fineAmount ?? null,
        decisionDate: dto.decisionDate,
        validUntil: dto.validUntil,
        severity: dto.severity,
      },
      ctx,
    );
    return this.insertDecision(user, action, transition, '行政处罚决定');
  }

  /** 行政强制 recorded and reported. */
  async recordEnforcement(user: AuthUser, dto: RecordEnforcementDto): Promise<SupervisionActionView> {
    const ctx = this.context(user, decisionDay(dto.decisionDate), false);
    const { action, transition } = SupervisionAction.recordEnforcement(
      this.header(user, dto),
      {
        documentNumber: dto.documentNumber,
        measure: dto.measure,
        facts: dto.facts.trim(),
        legalBasis: dto.legalBasis.trim(),
        content: dto.content.trim(),
        decisionDate: dto.decisionDate,
        endsOn: dto.endsOn ?? null,
      },
      ctx,
    );
    return this.insertDecision(user, action, transition, '行政强制决定');
  }

  private async insertDecision(user: AuthUser, action: SupervisionAction, transition: Transition, what: string): Promise<SupervisionActionView> {
    const documentNumber = (action.snapshot.details as { documentNumber: string }).documentNumber;
    const taken = () => new ConflictException(`documentNumber ${documentNumber} is already recorded: one decision, one record`);
    try {
      await this.uow.run(async (change) => {
        await this.assertItem(change.manager, action.snapshot, action.snapshot.actedAt);
        if (await this.actions.documentNumberTaken(change.manager, documentNumber)) throw taken();
        await this.actions.insert(change.manager, action);
        change.record({ type: RESOURCE, id: action.id }, transition, Topics.supervision);
        const now = action.snapshot.recordedAt;
        await this.logStep(change, action, 'registered', user, now, `登记${what}${documentNumber}`);
        await this.logStep(change, action, 'reported', user, now, `上报${what}${action.snapshot.late ? '（逾期上报）' : ''}`);
      });
    } catch (e) {
      // two requests with one number at once: the unique index decides
      if (e instanceof QueryFailedError && (e.driverError as { code?: string })?.code === '23505') throw taken();
      throw e;
    }
    return SupervisionActionView.of(action);
  }

  async list(user: AuthUser, query: ListActionsQuery): Promise<SupervisionActionPageView> {
    const { items, total } = await this.actions.page(
      { kind: query.kind, status: query.status, subjectUscc: query.subjectUscc, department: departmentFilter(user) },
      query.page,
      query.pageSize,
    );
    return { items: items.map(SupervisionActionView.of), total, page: query.page, pageSize: query.pageSize };
  }

  /** The action as its department (or those who see all) may read it; 404 otherwise. */
  async readable(user: AuthUser, id: string, manager?: EntityManager): Promise<SupervisionAction> {
    const action = await this.actions.find(id, manager);
    if (!action || !mayRead(user, action.snapshot.departmentCode)) throw new NotFoundException(`supervision action ${id} not found`);
    return action;
  }

  async get(user: AuthUser, id: string): Promise<SupervisionActionView> {
    return SupervisionActionView.of(await this.readable(user, id));
  }

  /** The reporting period ran out (the workflow's activity): marked once; says whether it was reported meanwhile. */
  async markReportOverdue(id: string): Promise<{ changed: boolean; met: boolean }> {
    return this.uow.run(async (change) => {
      const current = await this.actions.lockForChange(change.manager, id);
      if (!current) throw new NotFoundException(`supervision action ${id} not found`);
      const transition = current.markOverdue(new Date());
      if (transition) {
        await this.actions.save(change.manager, current);
        change.record({ type: RESOURCE, id }, transition, Topics.supervision);
      }
      return { changed: !!transition, met: current.isReported };
    });
  }
}
