import { ConflictException, ForbiddenException, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, FindOptionsWhere } from 'typeorm';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import {
  ApprovalDecidedV1,
  SearchAttributes,
  SupervisionEventTypes,
  SupervisionFeedbackGivenV1,
  supervisionFeedbackSignal,
  SupervisionTaskOpenedV1,
  SupervisionTaskOverdueV1,
  supervisionTaskWorkflowId,
  supervisionTaskWorkflowType,
  SupervisionTaskInput,
  supervisionDeadlineChangedSignal,
  TaskQueues,
  Topics,
} from '@cityworks/contracts';
import { OutboxRelay, OutboxWriter, stableUuid } from '@cityworks/messaging';
import { TEMPORAL_CLIENT } from '@cityworks/temporal';
import { ServiceCalendar } from '@cityworks/calendar-sync';
import { AuditTrail, departmentFilter, mayAct, mayRead, Page } from '@cityworks/platform';
import type { AuthUser } from '@cityworks/contracts';
import { SupervisionTask } from './supervision-task.entity';
import { ListSupervisionTasksQuery } from './dto/list-supervision-tasks.query';

@Injectable()
export class SupervisionTasksService {
  private readonly logger = new Logger(SupervisionTasksService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
    private readonly calendar: ServiceCalendar,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly audit: AuditTrail,
  ) {
    this.calendar.onArrangementLoaded((year, manager) => this.recomputeProvisionalDeadlines(year, manager).then(() => undefined));
  }

  /** 谁主管谁监管: the supervising department owns the task; the approving one may follow it. */
  private assertReadable(user: AuthUser, task: SupervisionTask): void {
    if (!mayRead(user, task.departmentCode, task.approvingDepartmentCode)) throw new NotFoundException(`supervision task ${task.id} not found`);
  }

  /**
   * 审批结果推送 received: open a task for the supervising department and start its
   * workflow. Runs in the consumer's inbox transaction; the ids derive from the application,
   * so a redelivered event or a retried start finds what the first one made.
   */
  async openFromDecision(decision: ApprovalDecidedV1, manager: EntityManager): Promise<SupervisionTask> {
    const id = stableUuid('supervision-task', decision.applicationId);
    const existing = await manager.findOne(SupervisionTask, { where: { id } });
    if (existing) return existing;

    const { dueAt, provisional } = this.calendar.current.dueInstant(new Date(decision.decidedAt), decision.supervisionFeedbackWorkingDays);
    const task = manager.create(SupervisionTask, {
      id,
      applicationId: decision.applicationId,
      projectCode: decision.projectCode,
      itemCode: decision.itemCode,
      departmentCode: decision.supervisingDepartmentCode,
      approvingDepartmentCode: decision.approvingDepartmentCode,
      regionCode: decision.regionCode,
      ownerUscc: decision.ownerUscc,
      decision: decision.decision,
      onCommitment: decision.onCommitment,
      status: 'open',
      dueAt,
      dueProvisional: provisional,
      decidedAt: new Date(decision.decidedAt),
      feedbackWorkingDays: decision.supervisionFeedbackWorkingDays,
      workflowId: supervisionTaskWorkflowId(id),
    });
    await manager.insert(SupervisionTask, task);
    await this.audit.record(manager, { action: 'supervision-task.opened', resourceType: 'supervision-task', resourceId: id, after: { status: 'open', applicationId: task.applicationId, dueAt: dueAt.toISOString() } });
    await this.outbox.add<SupervisionTaskOpenedV1>(manager, Topics.supervision, {
      type: SupervisionEventTypes.taskOpened,
      subject: id,
      data: { taskId: id, applicationId: task.applicationId, projectCode: task.projectCode, departmentCode: task.departmentCode, dueAt: dueAt.toISOString() },
    });
    // started before the commit: if the commit fails the redelivery starts it again, and a
    // second start of the same id is refused by Temporal, which is what we want
    await this.startWorkflow(task);
    return task;
  }

  private async startWorkflow(task: SupervisionTask): Promise<void> {
    const input: SupervisionTaskInput = {
      taskId: task.id,
      applicationId: task.applicationId,
      projectCode: task.projectCode,
      itemCode: task.itemCode,
      departmentCode: task.departmentCode,
      regionCode: task.regionCode,
      dueAt: task.dueAt.toISOString(),
    };
    try {
      await this.temporal.workflow.start(supervisionTaskWorkflowType, {
        workflowId: task.workflowId,
        taskQueue: TaskQueues.workflows,
        args: [input],
        typedSearchAttributes: [
          { key: SearchAttributes.projectCode, value: task.projectCode },
          { key: SearchAttributes.itemCode, value: task.itemCode },
          { key: SearchAttributes.departmentCode, value: task.departmentCode },
          { key: SearchAttributes.regionCode, value: task.regionCode },
          { key: SearchAttributes.obligationKind, value: 'supervision-feedback' },
          { key: SearchAttributes.overdue, value: false },
          { key: SearchAttributes.dueAt, value: task.dueAt },
        ],
      });
    } catch (e) {
      if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
    }
  }

  async list(user: AuthUser, query: ListSupervisionTasksQuery): Promise<Page<SupervisionTask>> {
    const filter: FindOptionsWhere<SupervisionTask> = {};
    if (query.status) filter.status = query.status;
    if (query.departmentCode) filter.departmentCode = query.departmentCode;
    if (query.applicationId) filter.applicationId = query.applicationId;
    const own = departmentFilter(user);
    let where: FindOptionsWhere<SupervisionTask> | FindOptionsWhere<SupervisionTask>[] = filter;
    if (own) {
      // tasks the caller's department supervises, or follows as the approving department
      where = [{ ...filter, approvingDepartmentCode: own }];
      if (!query.departmentCode || query.departmentCode === own) where.push({ ...filter, departmentCode: own });
    }
    const [items, total] = await this.dataSource.getRepository(SupervisionTask).findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async get(user: AuthUser, id: string): Promise<SupervisionTask> {
    const task = await this.dataSource.getRepository(SupervisionTask).findOne({ where: { id } });
    if (!task) throw new NotFoundException(`supervision task ${id} not found`);
    this.assertReadable(user, task);
    return task;
  }

  /** 监管结果反馈: records the result, publishes it and closes the task's workflow. */
  async giveFeedback(user: AuthUser, id: string, outcome: string): Promise<SupervisionTask> {
    const task = await this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(SupervisionTask, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw new NotFoundException(`supervision task ${id} not found`);
      this.assertReadable(user, current);
      if (!mayAct(user, current.departmentCode)) throw new ForbiddenException(`only the supervising department ${current.departmentCode} gives feedback on task ${id}`);
      if (current.status === 'closed') throw new ConflictException(`supervision task ${id} already has feedback`);
      const before = { status: current.status };
      current.status = 'closed';
      current.feedbackOutcome = outcome;
      current.feedbackAt = new Date();
      await manager.save(current);
      await this.audit.record(manager, { action: 'supervision-task.feedback-given', resourceType: 'supervision-task', resourceId: id, before, after: { status: 'closed', outcome } });
      await this.outbox.add<SupervisionFeedbackGivenV1>(manager, Topics.supervision, {
        type: SupervisionEventTypes.feedbackGiven,
        subject: current.id,
        data: { taskId: current.id, applicationId: current.applicationId, departmentCode: current.departmentCode, outcome, givenAt: current.feedbackAt.toISOString() },
      });
      return current;
    });
    this.relay.nudge();
    try {
      await this.temporal.workflow.getHandle(task.workflowId).signal(supervisionFeedbackSignal, { outcome, givenAt: task.feedbackAt!.toISOString() });
    } catch (e) {
      // the record is committed; the workflow reads it when its deadline comes (see markOverdue)
      this.logger.warn(`feedback for ${id} recorded but the workflow was not signalled: ${(e as Error).message}`);
    }
    return task;
  }

  /**
   * An official holiday arrangement replaced the provisional calendar: every open task whose
   * deadline was provisional gets it computed again, recorded, and its workflow told.
   */
  async recomputeProvisionalDeadlines(year: number, manager: EntityManager): Promise<number> {
    const tasks = await manager
      .createQueryBuilder(SupervisionTask, 't')
      .setLock('pessimistic_write')
      .where("t.due_provisional AND t.status = 'open' AND t.decided_at IS NOT NULL AND t.feedback_working_days IS NOT NULL")
      .getMany();
    let moved = 0;
    for (const task of tasks) {
      const { dueAt, provisional } = this.calendar.current.dueInstant(task.decidedAt!, task.feedbackWorkingDays!);
      if (dueAt.getTime() === task.dueAt.getTime() && provisional === task.dueProvisional) continue;
      const before = { dueAt: task.dueAt.toISOString(), dueProvisional: task.dueProvisional };
      await manager.update(SupervisionTask, { id: task.id }, { dueAt, dueProvisional: provisional });
      await this.audit.record(manager, {
        action: 'supervision-task.deadline-recomputed',
        resourceType: 'supervision-task',
        resourceId: task.id,
        before,
        after: { dueAt: dueAt.toISOString(), dueProvisional: provisional, arrangementYear: year },
      });
      if (dueAt.getTime() !== task.dueAt.getTime()) {
        // inside the transaction: a redelivery recomputes the same instant, so a repeated signal is harmless
        await this.temporal.workflow
          .getHandle(task.workflowId)
          .signal(supervisionDeadlineChangedSignal, { dueAt: dueAt.toISOString(), reason: `official holiday arrangement for ${year}` });
      }
      moved++;
    }
    return moved;
  }

  /** Called by the workflow's activity when the deadline passes without feedback. */
  async markOverdue(id: string): Promise<{ changed: boolean; status: SupervisionTask['status'] }> {
    const result = await this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(SupervisionTask, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw new NotFoundException(`supervision task ${id} not found`);
      if (current.status !== 'open') return { changed: false, status: current.status };
      current.status = 'overdue';
      current.overdueAt = new Date();
      await manager.save(current);
      await this.audit.record(manager, { action: 'supervision-task.overdue', resourceType: 'supervision-task', resourceId: id, before: { status: 'open' }, after: { status: 'overdue' } });
      await this.outbox.add<SupervisionTaskOverdueV1>(manager, Topics.supervision, {
        type: SupervisionEventTypes.taskOverdue,
        subject: current.id,
        data: { taskId: current.id, applicationId: current.applicationId, departmentCode: current.departmentCode, dueAt: current.dueAt.toISOString(), detectedAt: current.overdueAt.toISOString() },
      });
      return { changed: true, status: current.status };
    });
    if (result.changed) this.relay.nudge();
    return result;
  }
}
