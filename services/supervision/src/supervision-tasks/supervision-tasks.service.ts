import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ApprovalDecidedV1, AuthUser, Topics } from '@cityworks/contracts';
import { stableUuid, UnitOfWork } from '@cityworks/messaging';
import { ServiceCalendar } from '@cityworks/calendar-sync';
import { departmentFilter, mayAct, mayRead } from '@cityworks/platform';
import { SupervisionTask } from './domain/supervision-task';
import { SupervisionTasksRepository } from './persistence/supervision-tasks.repository';
import { SupervisionTaskWorkflowClient } from './workflow/supervision-task.workflow-client';
import { SupervisionTaskPageView, SupervisionTaskView } from './views/supervision-task.view';
import { ListSupervisionTasksQuery } from './dto/list-supervision-tasks.query';

const RESOURCE = 'supervision-task';

/**
 * Use cases of the supervision task: who may act (谁主管谁监管) is checked here, what may happen
 * is the model's (domain/supervision-task.ts), deadlines come from the working-day calendar, and
 * every change goes through the unit of work with its workflow commands.
 */
@Injectable()
export class SupervisionTasksService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tasks: SupervisionTasksRepository,
    private readonly workflow: SupervisionTaskWorkflowClient,
    private readonly calendar: ServiceCalendar,
  ) {
    this.calendar.onArrangementLoaded((year, manager) => this.recomputeDeadlines(year, manager).then(() => undefined));
  }

  /** The supervising department owns the task; the approving one may follow it. */
  private assertReadable(user: AuthUser, task: SupervisionTask): void {
    const s = task.snapshot;
    if (!mayRead(user, s.departmentCode, s.approvingDepartmentCode)) throw new NotFoundException(`supervision task ${s.id} not found`);
  }

  /**
   * 审批结果推送 received: open a task for the supervising department and start its workflow.
   * Runs in the consumer's inbox transaction and needs only Postgres: the start is a command
   * the relay delivers once Temporal answers. Ids derive from the application, so a redelivered
   * event finds what the first one made.
   */
  async openFromDecision(decision: ApprovalDecidedV1, manager: EntityManager): Promise<SupervisionTaskView> {
    const id = stableUuid('supervision-task', decision.applicationId);
    const existing = await this.tasks.exists(manager, id);
    if (existing) return SupervisionTaskView.of(existing);
    const deadline = this.calendar.current.dueInstant(new Date(decision.decidedAt), decision.supervisionFeedbackWorkingDays);
    const { task, transition } = SupervisionTask.openFromDecision(decision, id, SupervisionTaskWorkflowClient.workflowId(id), deadline);
    await this.uow.runIn(manager, async (change) => {
      await this.tasks.insert(manager, task);
      change.record({ type: RESOURCE, id }, transition, Topics.supervision);
      change.command(this.workflow.start(task));
    });
    return SupervisionTaskView.of(task);
  }

  async list(user: AuthUser, query: ListSupervisionTasksQuery): Promise<SupervisionTaskPageView> {
    const { items, total } = await this.tasks.page(
      { status: query.status, departmentCode: query.departmentCode, applicationId: query.applicationId, department: departmentFilter(user) },
      query.page,
      query.pageSize,
    );
    return { items: items.map(SupervisionTaskView.of), total, page: query.page, pageSize: query.pageSize };
  }

  async get(user: AuthUser, id: string): Promise<SupervisionTaskView> {
    const task = await this.tasks.find(id);
    if (!task) throw new NotFoundException(`supervision task ${id} not found`);
    this.assertReadable(user, task);
    return SupervisionTaskView.of(task);
  }

  /** 监管结果反馈: records the result, publishes it and tells the task's workflow. */
  async giveFeedback(user: AuthUser, id: string, outcome: string): Promise<SupervisionTaskView> {
    const task = await this.uow.run(async (change) => {
      const current = await this.tasks.lockForChange(change.manager, id);
      if (!current) throw new NotFoundException(`supervision task ${id} not found`);
      this.assertReadable(user, current);
      if (!mayAct(user, current.snapshot.departmentCode))
        throw new ForbiddenException(`only the supervising department ${current.snapshot.departmentCode} gives feedback on task ${id}`);
      const transition = current.giveFeedback(outcome, new Date());
      await this.tasks.save(change.manager, current);
      change.record({ type: RESOURCE, id }, transition, Topics.supervision);
      change.command(this.workflow.feedbackGiven(current));
      return current;
    });
    return SupervisionTaskView.of(task);
  }

  /**
   * A holiday arrangement for `year` took effect (official, or an earlier revision restored):
   * every open task whose working days run through that year gets its deadline computed again,
   * recorded, and its workflow told when the instant moved.
   */
  async recomputeDeadlines(year: number, manager: EntityManager): Promise<number> {
    const reason = `holiday arrangement for ${year} changed`;
    return this.uow.runIn(manager, async (change) => {
      let moved = 0;
      for (const task of await this.tasks.lockOpenCountingThrough(manager, year)) {
        const s = task.snapshot;
        const transition = task.moveDeadline(this.calendar.current.dueInstant(s.decidedAt!, s.feedbackWorkingDays!), reason);
        if (!transition) continue;
        await this.tasks.save(manager, task);
        change.record({ type: RESOURCE, id: task.id }, { ...transition, after: { ...transition.after, arrangementYear: year } }, Topics.supervision);
        if (SupervisionTask.instantMoved(transition)) change.command(this.workflow.deadlineMoved(task, reason));
        moved++;
      }
      return moved;
    });
  }

  /** Called by the workflow's activity when the deadline passes without feedback. */
  async markOverdue(id: string): Promise<{ changed: boolean; status: SupervisionTask['snapshot']['status'] }> {
    return this.uow.run(async (change) => {
      const current = await this.tasks.lockForChange(change.manager, id);
      if (!current) throw new NotFoundException(`supervision task ${id} not found`);
      const transition = current.markOverdue(new Date());
      if (!transition) return { changed: false, status: current.snapshot.status };
      await this.tasks.save(change.manager, current);
      change.record({ type: RESOURCE, id }, transition, Topics.supervision);
      return { changed: true, status: current.snapshot.status };
    });
  }
}
