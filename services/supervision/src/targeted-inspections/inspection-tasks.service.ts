import { ConflictException, ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager, QueryFailedError } from 'typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { AuthUser, inspectionTaskWorkflowId, Topics } from '@cityworks/contracts';
import { UnitOfWork } from '@cityworks/messaging';
import { ServiceCalendar } from '@cityworks/calendar-sync';
import { canonicalJson, departmentFilter, fieldError, invalid, mayAct, mayRead, RuleViolation } from '@cityworks/platform';
import { SUPERVISION_TERMS } from '../actions/supervision-actions.service';
import type { SupervisionTerms } from '../actions/domain/reporting-terms';
import { SupervisionObligationWorkflowClient } from '../actions/workflow/supervision-obligation.workflow-client';
import { SupervisionActionsRepository } from '../actions/persistence/supervision-actions.repository';
import { InspectionTask, InspectionTaskRequest } from './domain/inspection-task';
import { InspectionTasksRepository } from './persistence/inspection-tasks.repository';
import { InspectionTaskPageView, InspectionTaskView } from './views/inspection-task.view';
import { InspectionFeedbackDto, ListInspectionTasksQuery } from './dto/inspection-task.dto';

const RESOURCE = 'inspection-task';

/** The request's fingerprint: the same push twice has the same one, another matter under the same id does not. */
export function requestDigest(request: Omit<InspectionTaskRequest, 'sourceDigest'>): string {
  return createHash('sha256').update(canonicalJson(request)).digest('hex');
}

/** When the task's feedback is due: the source's own deadline, or the configured working days from its opening. */
export type Due = { workingDays: number } | { at: Date };

/**
 * Use cases of the tasks from other sources. Opening is idempotent per source record: a repeated
 * push or a redelivered event answers with the task the first one made (and a different matter
 * under the same source id is refused). Every change goes through the unit of work; the task's
 * workflow (supervisionObligationWorkflow, kind inspection-feedback) carries the ladder.
 */
@Injectable()
export class InspectionTasksService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tasks: InspectionTasksRepository,
    private readonly actions: SupervisionActionsRepository,
    private readonly workflow: SupervisionObligationWorkflowClient,
    private readonly calendar: ServiceCalendar,
    @Inject(SUPERVISION_TERMS) private readonly terms: SupervisionTerms,
  ) {}

  /**
   * Opens the task for `request` unless its source record already made one; `created` says
   * which. In `manager`'s transaction when given (an event consumer's inbox), its own otherwise.
   */
  async open(request: Omit<InspectionTaskRequest, 'sourceDigest'>, due: Due, manager?: EntityManager): Promise<{ task: InspectionTaskView; created: boolean }> {
    const full: InspectionTaskRequest = { ...request, sourceDigest: requestDigest(request) };
    const existing = async (m: EntityManager) => {
      const found = await this.tasks.findBySource(m, request.source, request.sourceRef);
      if (found && found.snapshot.sourceDigest !== full.sourceDigest)
        throw new ConflictException(
          `${request.source} ${request.sourceRef} already opened task ${found.id} with different content: a new matter needs a new id`,
        );
      return found;
    };
    const work = async (m: EntityManager) => {
      const found = await existing(m);
      if (found) return { task: InspectionTaskView.of(found), created: false };
      const now = new Date();
      const dueAt = 'at' in due ? due.at : this.calendar.current.dueInstant(now, due.workingDays).dueAt;
      const id = randomUUID();
      const { task, transition } = InspectionTask.open(full, { id, workflowId: inspectionTaskWorkflowId(id) }, dueAt, now);
      await this.uow.runIn(m, async (change) => {
        await this.tasks.insert(m, task);
        change.record({ type: RESOURCE, id }, transition, Topics.supervision);
        change.command(
          this.workflow.start(
            task.snapshot.workflowId,
            {
              kind: 'inspection-feedback',
              id,
              departmentCode: request.departmentCode,
              regionCode: request.regionCode,
              itemCode: request.supervisionItemCode,
              dueAt: dueAt.toISOString(),
              title: request.title,
              demandedAction: '依法开展检查处置并反馈结果',
            },
            this.terms,
          ),
        );
      });
      return { task: InspectionTaskView.of(task), created: true };
    };
    if (manager) return work(manager);
    try {
      return await this.uow.run((change) => work(change.manager));
    } catch (e) {
      // the same record pushed twice at once: the unique (source, source_ref) let one in
      if (e instanceof QueryFailedError && (e.driverError as { code?: string })?.code === '23505') {
        const found = await this.uow.run((change) => existing(change.manager));
        if (found) return { task: InspectionTaskView.of(found), created: false };
      }
      throw e;
    }
  }

  /**
   * 告知其他机关: a violation found by one department that another is competent for becomes that
   * department's task, once per action and department, with the referral feedback period.
   */
  async referFromAction(
    user: AuthUser,
    actionId: string,
    competentDepartmentCode: string,
    matter: string,
  ): Promise<{ task: InspectionTaskView; created: boolean }> {
    const action = await this.actions.find(actionId);
    if (!action || !mayRead(user, action.snapshot.departmentCode)) throw new NotFoundException(`supervision action ${actionId} not found`);
    const s = action.snapshot;
    if (!mayAct(user, s.departmentCode)) throw new ForbiddenException(`only ${s.departmentCode}, whose action it is, refers it`);
    if (competentDepartmentCode === s.departmentCode)
      throw invalid([fieldError('competentDepartmentCode', 'notSelf', 'competentDepartmentCode must be another department than the one that acted')]);
    if (s.status !== 'reported') throw new ConflictException(`action ${actionId} is not reported yet: refer what was found`);
    const result = (s.details as { result?: string }).result;
    if (s.kind === 'check' && result === 'no-problem') throw new ConflictException(`check ${actionId} found no problem: there is nothing to refer`);
    return this.open(
      {
        source: 'referral',
        sourceRef: `${actionId}:${competentDepartmentCode}`,
        departmentCode: competentDepartmentCode,
        regionCode: s.regionCode,
        supervisionItemCode: null,
        subjectUscc: s.subjectUscc,
        subjectName: s.subjectName,
        projectCode: null,
        title: `${s.departmentCode}告知：${s.subjectName}的违法线索`,
        details: matter.trim(),
        requestedBy: s.departmentCode,
        referringActionId: actionId,
      },
      { workingDays: this.terms.referralFeedbackWorkingDays },
    );
  }

  async list(user: AuthUser, query: ListInspectionTasksQuery): Promise<InspectionTaskPageView> {
    const { items, total } = await this.tasks.page(
      { source: query.source, status: query.status, department: departmentFilter(user) },
      query.page,
      query.pageSize,
    );
    return { items: items.map(InspectionTaskView.of), total, page: query.page, pageSize: query.pageSize };
  }

  async get(user: AuthUser, id: string): Promise<InspectionTaskView> {
    const task = await this.tasks.find(id);
    // the referring department follows its referral
    if (!task || !mayRead(user, task.snapshot.departmentCode, task.snapshot.source === 'referral' ? task.snapshot.requestedBy : null))
      throw new NotFoundException(`inspection task ${id} not found`);
    return InspectionTaskView.of(task);
  }

  /** 反馈: closes the task, publishes supervision.feedback-given.v1, tells the workflow. */
  async giveFeedback(user: AuthUser, id: string, dto: InspectionFeedbackDto): Promise<InspectionTaskView> {
    const task = await this.uow.run(async (change) => {
      const current = await this.tasks.lockForChange(change.manager, id);
      if (!current || !mayRead(user, current.snapshot.departmentCode)) throw new NotFoundException(`inspection task ${id} not found`);
      if (!mayAct(user, current.snapshot.departmentCode)) throw new ForbiddenException(`only ${current.snapshot.departmentCode} feeds back on task ${id}`);
      if (dto.actionId) {
        const action = await this.actions.find(dto.actionId, change.manager);
        if (!action || action.snapshot.departmentCode !== current.snapshot.departmentCode)
          throw new RuleViolation(`actionId ${dto.actionId} names no 监管行为 of ${current.snapshot.departmentCode}`, 'rule');
      }
      const now = new Date();
      const transition = current.giveFeedback(dto.outcome, dto.actionId ?? null, user.userId, now);
      await this.tasks.save(change.manager, current);
      change.record({ type: RESOURCE, id }, transition, Topics.supervision);
      change.command(this.workflow.met(current.snapshot.workflowId, now));
      return current;
    });
    return InspectionTaskView.of(task);
  }

  /** the workflow's activity at the deadline */
  async markOverdue(id: string): Promise<{ changed: boolean; met: boolean }> {
    return this.uow.run(async (change) => {
      const current = await this.tasks.lockForChange(change.manager, id);
      if (!current) throw new NotFoundException(`inspection task ${id} not found`);
      const transition = current.markOverdue(new Date());
      if (transition) {
        await this.tasks.save(change.manager, current);
        change.record({ type: RESOURCE, id }, transition, Topics.supervision);
      }
      return { changed: !!transition, met: current.snapshot.status === 'closed' };
    });
  }
}
