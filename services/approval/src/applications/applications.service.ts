import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { ApplicationClockReading, AuthUser, BrokenCommitmentRevocation, SupervisionFeedbackGivenV1, Topics } from '@cityworks/contracts';
import { PermanentEventError, StateChange, UnitOfWork } from '@cityworks/messaging';
import { ServiceCalendar } from '@cityworks/calendar-sync';
import { departmentFilter, mayAct, mayRead, PageQuery, RuleViolation } from '@cityworks/platform';
import { Application, ApplicationState } from './domain/application';
import { applicationTiming } from './domain/application-timing';
import { timingByDepartment } from './domain/timing-report';
import { TimingReportQuery } from './dto/timing-report.query';
import { TimingReportView } from './views/timing-report.view';
import { ApplicationsRepository } from './persistence/applications.repository';
import { ApplicationPageView, ApplicationView } from './views/application.view';
import { AcceptApplicationDto } from './dto/accept-application.dto';
import { DecideApplicationDto } from './dto/decide-application.dto';
import { ListApplicationsQuery } from './dto/list-applications.query';
import { StopClockDto } from './dto/clock-stop.dto';
import { RevokeApplicationDto } from './dto/revoke-application.dto';
import { ApprovalItemCatalog } from '../catalog-items/approval-item-catalog';
import { ProjectsRepository } from '../projects/persistence/projects.repository';
import { ProjectLifecycleWorkflowClient } from '../projects/workflow/project-lifecycle.workflow-client';
import { assertApplicationFitsProject } from './domain/application-project';
import { ApplicationWorkflowClient } from './workflow/application.workflow-client';
import { CommitmentEligibilityService } from '../commitment-eligibility/commitment-eligibility.service';

const RESOURCE = 'application';

/**
 * Use cases of the application: who may do what (谁审批谁负责) is checked here; what may happen
 * is the model's (domain/application.ts); the statutory terms come from this service's copy of
 * the catalog; every change goes through the unit of work.
 */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly applications: ApplicationsRepository,
    private readonly catalog: ApprovalItemCatalog,
    private readonly calendar: ServiceCalendar,
    private readonly projects: ProjectsRepository,
    private readonly projectWorkflow: ProjectLifecycleWorkflowClient,
    private readonly workflow: ApplicationWorkflowClient,
    private readonly eligibility: CommitmentEligibilityService,
  ) {}

  /** The implementing department owns an application; the supervising one and the joint review's participants may read it. */
  private assertReadable(user: AuthUser, application: Application): void {
    const s = application.snapshot;
    // another department's application does not exist, as far as this caller can tell
    if (!mayRead(user, ...application.concernedDepartmentCodes)) throw new NotFoundException(`application ${s.id} not found`);
  }

  private assertImplementing(user: AuthUser, application: Application, what: string): void {
    const department = application.snapshot.departmentCode;
    if (!mayAct(user, department)) throw new ForbiddenException(`only the implementing department ${department} ${what} application ${application.id}`);
  }

  private view(application: Application): ApplicationView {
    return ApplicationView.of(application, applicationTiming(application.snapshot, this.calendar.current, new Date()));
  }

  private timing(application: Application, now = new Date()) {
    return applicationTiming(application.snapshot, this.calendar.current, now);
  }

  /**
   * 受理, with the terms of the catalog item version in force today for the application's region,
   * for a registered project: its lifecycle workflow starts the application's clock (并联审批).
   */
  async accept(user: AuthUser, dto: AcceptApplicationDto): Promise<ApplicationView> {
    if (!mayAct(user, dto.departmentCode)) throw new ForbiddenException(`departmentCode ${dto.departmentCode} is not your department`);
    const now = new Date();
    const application = await this.uow.run(async (change) => {
      assertApplicationFitsProject(dto, (await this.projects.readForShare(change.manager, dto.projectCode))?.snapshot ?? null);
      // 取消告知承诺资格: a subject whose commitment proved untrue may not apply on commitment for a while
      if (dto.onCommitment) await this.eligibility.assertMayApplyOnCommitment(change.manager, dto.ownerUscc, now);
      const item = await this.catalog.inForce(dto.itemCode, dto.regionCode, now, change.manager);
      if (!item) throw new RuleViolation(`item ${dto.itemCode} is not in the approval-item list in force for region ${dto.regionCode} (审批事项清单)`, 'rule');
      // 绿色通道: a subject credit grades A may be accepted with materials made up later (容缺受理)
      const greenChannel = await this.eligibility.greenChannel(change.manager, dto.ownerUscc);
      const { application, transition } = Application.accept({ ...dto, onCommitment: dto.onCommitment ?? false, greenChannel }, item, randomUUID(), now);
      await this.applications.insert(change.manager, application);
      change.record({ type: RESOURCE, id: application.id }, transition, Topics.approval);
      const s = application.snapshot;
      change.command(
        this.projectWorkflow.applicationAccepted(s.projectCode, {
          applicationId: s.id,
          itemCode: s.itemCode,
          stage: item.stage,
          departmentCode: s.departmentCode,
          regionCode: s.regionCode,
          acceptedAt: s.acceptedAt.toISOString(),
          dueAt: this.timing(application, now)!.dueAt.toISOString(),
          ladder: {
            title: `项目${s.projectCode}「${item.name}」办件`,
            demandedAction: `依法作出「${item.name}」审批决定并办结`,
            warningLeadWorkingDays: item.warningLeadWorkingDays,
            reminderGraceWorkingDays: item.reminderGraceWorkingDays,
            escalationGraceWorkingDays: item.escalationGraceWorkingDays,
          },
        }),
      );
      return application;
    });
    return this.view(application);
  }

  /** Records the decision and pushes it to the supervising department (审批结果推送). */
  async decide(user: AuthUser, id: string, dto: DecideApplicationDto): Promise<ApplicationView> {
    const application = await this.change(
      user,
      id,
      'decides',
      (current) => current.decide(dto, new Date()),
      (current, change) => change.command(this.workflow.decided(current)),
    );
    return this.view(application);
  }

  /**
   * 暂停计时. A reason the item does not allow is recorded as an attempted illegal pause — the
   * record commits — and then refused with 422.
   */
  async stopClock(user: AuthUser, id: string, dto: StopClockDto): Promise<ApplicationView> {
    let refusal: RuleViolation | undefined;
    const application = await this.change(
      user,
      id,
      'stops the clock of',
      (current) => {
        const outcome = current.stopClock(dto.reason, dto.note ?? null, new Date());
        if (!outcome.taken) refusal = outcome.refusal;
        return outcome.transition;
      },
      (current, change) => {
        if (!refusal) change.command(this.workflow.clockChanged(current, null, dto.reason));
      },
    );
    if (refusal) throw refusal;
    return this.view(application);
  }

  /** 撤销: the implementing department withdraws an approval; credit and supervision hear of it. */
  async revoke(user: AuthUser, id: string, dto: RevokeApplicationDto): Promise<ApplicationView> {
    const application = await this.change(
      user,
      id,
      'revokes',
      (current) => current.revoke(dto.source, dto.reason, new Date()),
      (current, change) =>
        change.command(this.projectWorkflow.applicationRevoked(current.snapshot.projectCode, current.id, current.snapshot.revocation!.revokedAt)),
    );
    return this.view(application);
  }

  /**
   * 撤销 on the supervising department's finding that the commitment was untrue, for the
   * commitment's workflow. Idempotent: an application no longer approved (revoked already) is
   * left as it is, and the answer says so.
   */
  async revokeForBrokenCommitment(input: BrokenCommitmentRevocation): Promise<{ revoked: boolean; status: ApplicationState['status'] }> {
    return this.uow.run(async (change) => {
      const current = await this.applications.lockForChange(change.manager, input.applicationId);
      if (!current) throw new NotFoundException(`application ${input.applicationId} not found`);
      if (current.snapshot.status !== 'approved') return { revoked: false, status: current.snapshot.status };
      const transition = current.revoke('告知承诺核查不实', `告知承诺核查不实（核查 ${input.commitmentId}）：${input.findings}`, new Date());
      await this.applications.save(change.manager, current);
      change.record({ type: RESOURCE, id: current.id }, transition, Topics.approval);
      change.command(this.projectWorkflow.applicationRevoked(current.snapshot.projectCode, current.id, current.snapshot.revocation!.revokedAt));
      return { revoked: true, status: current.snapshot.status };
    });
  }

  async resumeClock(user: AuthUser, id: string): Promise<ApplicationView> {
    const application = await this.change(
      user,
      id,
      'resumes the clock of',
      (current) => current.resumeClock(new Date()),
      (current, change) => change.command(this.workflow.clockChanged(current, this.timing(current)?.dueAt ?? null, 'resumed')),
    );
    return this.view(application);
  }

  /** Loads and locks, checks the caller, runs one transition, saves and records it with the workflow commands it causes. */
  private change(
    user: AuthUser,
    id: string,
    what: string,
    transition: (current: Application) => ReturnType<Application['resumeClock']>,
    commands?: (current: Application, change: StateChange) => void,
  ): Promise<Application> {
    return this.uow.run(async (change) => {
      const current = await this.applications.lockForChange(change.manager, id);
      if (!current) throw new NotFoundException(`application ${id} not found`);
      this.assertReadable(user, current);
      this.assertImplementing(user, current, what);
      const result = transition(current);
      await this.applications.save(change.manager, current);
      change.record({ type: RESOURCE, id }, result, Topics.approval);
      commands?.(current, change);
      return current;
    });
  }

  /**
   * 监管结果反馈 received from supervision: shown on the application, in the consumer's inbox
   * transaction. An application this service never had is a permanent failure (parked).
   */
  async recordSupervisionFeedback(feedback: SupervisionFeedbackGivenV1, manager: EntityManager): Promise<void> {
    await this.uow.runIn(manager, async (change) => {
      const current = await this.applications.lockForChange(manager, feedback.applicationId);
      if (!current)
        throw new PermanentEventError(
          `feedback of supervision task ${feedback.taskId} names application ${feedback.applicationId}, which approval does not have`,
        );
      const transition = current.recordSupervisionFeedback({
        taskId: feedback.taskId,
        departmentCode: feedback.departmentCode,
        outcome: feedback.outcome,
        givenAt: new Date(feedback.givenAt),
      });
      if (!transition) return;
      await this.applications.save(manager, current);
      change.record({ type: RESOURCE, id: current.id }, transition, Topics.approval);
    });
  }

  /** The clock as the record says, for the application's workflow. */
  async readClock(id: string): Promise<ApplicationClockReading> {
    return this.clockReading(await this.find(id), new Date());
  }

  /**
   * The workflow saw the deadline pass: the record notes it once (逾期) and tells the escalation
   * ladder, if the record agrees; either way it answers the clock as it stands.
   */
  async markOverdue(id: string): Promise<ApplicationClockReading> {
    const now = new Date();
    const application = await this.uow.run(async (change) => {
      const current = await this.applications.lockForChange(change.manager, id);
      if (!current) throw new NotFoundException(`application ${id} not found`);
      const timing = this.timing(current, now);
      if (timing?.overdue) {
        const transition = current.markOverdue(timing.dueAt, now);
        if (transition) {
          await this.applications.save(change.manager, current);
          change.record({ type: RESOURCE, id }, transition, Topics.approval);
        }
      }
      return current;
    });
    return this.clockReading(application, now);
  }

  private clockReading(application: Application, now: Date): ApplicationClockReading {
    const s = application.snapshot;
    const timing = this.timing(application, now);
    const decided = s.status !== 'accepted';
    return {
      applicationId: s.id,
      status: s.status,
      decision: s.status === 'approved' || s.status === 'rejected' ? s.status : s.status === 'revoked' ? 'approved' : null,
      decidedAt: s.decidedAt?.toISOString() ?? null,
      dueAt: decided || !timing || timing.clockStopped ? null : timing.dueAt.toISOString(),
      overdue: !decided && (timing?.overdue ?? false),
    };
  }

  async get(user: AuthUser, id: string): Promise<ApplicationView> {
    const application = await this.find(id);
    this.assertReadable(user, application);
    return this.view(application);
  }

  /** Unscoped read, for this service's own activities. */
  async find(id: string): Promise<Application> {
    const application = await this.applications.find(id);
    if (!application) throw new NotFoundException(`application ${id} not found`);
    return application;
  }

  async list(user: AuthUser, query: ListApplicationsQuery): Promise<ApplicationPageView> {
    const { items, total } = await this.applications.page(
      { status: query.status, projectCode: query.projectCode, department: departmentFilter(user) },
      query.page,
      query.pageSize,
    );
    return { items: items.map((a) => this.view(a)), total, page: query.page, pageSize: query.pageSize };
  }

  /**
   * 办理用时 per department for applications accepted in a year or month (China time): the 工改办
   * sees every department; a department sees its own.
   */
  async timingReport(user: AuthUser, query: TimingReportQuery): Promise<TimingReportView> {
    const pad = (n: number) => String(n).padStart(2, '0');
    const from = new Date(`${query.year}-${pad(query.month ?? 1)}-01T00:00:00+08:00`);
    const to = query.month
      ? new Date(`${query.month === 12 ? query.year + 1 : query.year}-${pad(query.month === 12 ? 1 : query.month + 1)}-01T00:00:00+08:00`)
      : new Date(`${query.year + 1}-01-01T00:00:00+08:00`);
    const now = new Date();
    const applications = await this.applications.acceptedBetween(from, to, departmentFilter(user));
    return {
      period: query.month ? `${query.year}-${pad(query.month)}` : String(query.year),
      asOf: now.toISOString(),
      departments: timingByDepartment(applications, this.calendar.current, now),
    };
  }

  /** 不得违规暂停计时: applications with refused clock-stops, for the 工改办 (a department sees its own). */
  async withIllegalClockStopAttempts(user: AuthUser, query: PageQuery): Promise<ApplicationPageView> {
    const { items, total } = await this.applications.withIllegalClockStopAttempts(departmentFilter(user), query.page, query.pageSize);
    return { items: items.map((a) => this.view(a)), total, page: query.page, pageSize: query.pageSize };
  }
}
