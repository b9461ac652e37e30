import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { AuthUser, SupervisionFeedbackGivenV1, Topics } from '@cityworks/contracts';
import { PermanentEventError, UnitOfWork } from '@cityworks/messaging';
import { ServiceCalendar } from '@cityworks/calendar-sync';
import { departmentFilter, mayAct, mayRead, PageQuery, RuleViolation } from '@cityworks/platform';
import { Application } from './domain/application';
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
  ) {}

  /** The implementing department owns an application; the supervising one may read it. */
  private assertReadable(user: AuthUser, application: Application): void {
    const s = application.snapshot;
    // another department's application does not exist, as far as this caller can tell
    if (!mayRead(user, s.departmentCode, s.supervisingDepartmentCode)) throw new NotFoundException(`application ${s.id} not found`);
  }

  private assertImplementing(user: AuthUser, application: Application, what: string): void {
    const department = application.snapshot.departmentCode;
    if (!mayAct(user, department)) throw new ForbiddenException(`only the implementing department ${department} ${what} application ${application.id}`);
  }

  private view(application: Application): ApplicationView {
    return ApplicationView.of(application, applicationTiming(application.snapshot, this.calendar.current, new Date()));
  }

  /** 受理, with the terms of the catalog item version in force today for the application's region. */
  async accept(user: AuthUser, dto: AcceptApplicationDto): Promise<ApplicationView> {
    if (!mayAct(user, dto.departmentCode)) throw new ForbiddenException(`departmentCode ${dto.departmentCode} is not your department`);
    const now = new Date();
    const application = await this.uow.run(async (change) => {
      const item = await this.catalog.inForce(dto.itemCode, dto.regionCode, now, change.manager);
      if (!item) throw new RuleViolation(`item ${dto.itemCode} is not in the approval-item list in force for region ${dto.regionCode} (审批事项清单)`, 'rule');
      const { application, transition } = Application.accept({ ...dto, onCommitment: dto.onCommitment ?? false }, item, randomUUID(), now);
      await this.applications.insert(change.manager, application);
      change.record({ type: RESOURCE, id: application.id }, transition, Topics.approval);
      return application;
    });
    return this.view(application);
  }

  /** Records the decision and pushes it to the supervising department (审批结果推送). */
  async decide(user: AuthUser, id: string, dto: DecideApplicationDto): Promise<ApplicationView> {
    const application = await this.change(user, id, 'decides', (current) => current.decide(dto, new Date()));
    return this.view(application);
  }

  /**
   * 暂停计时. A reason the item does not allow is recorded as an attempted illegal pause — the
   * record commits — and then refused with 422.
   */
  async stopClock(user: AuthUser, id: string, dto: StopClockDto): Promise<ApplicationView> {
    let refusal: RuleViolation | undefined;
    const application = await this.change(user, id, 'stops the clock of', (current) => {
      const outcome = current.stopClock(dto.reason, dto.note ?? null, new Date());
      if (!outcome.taken) refusal = outcome.refusal;
      return outcome.transition;
    });
    if (refusal) throw refusal;
    return this.view(application);
  }

  /** 撤销: the implementing department withdraws an approval; credit and supervision hear of it. */
  async revoke(user: AuthUser, id: string, dto: RevokeApplicationDto): Promise<ApplicationView> {
    const application = await this.change(user, id, 'revokes', (current) => current.revoke(dto.source, dto.reason, new Date()));
    return this.view(application);
  }

  async resumeClock(user: AuthUser, id: string): Promise<ApplicationView> {
    const application = await this.change(user, id, 'resumes the clock of', (current) => current.resumeClock(new Date()));
    return this.view(application);
  }

  /** Loads and locks, checks the caller, runs one transition, saves and records it. */
  private change(user: AuthUser, id: string, what: string, transition: (current: Application) => ReturnType<Application['resumeClock']>): Promise<Application> {
    return this.uow.run(async (change) => {
      const current = await this.applications.lockForChange(change.manager, id);
      if (!current) throw new NotFoundException(`application ${id} not found`);
      this.assertReadable(user, current);
      this.assertImplementing(user, current, what);
      const result = transition(current);
      await this.applications.save(change.manager, current);
      change.record({ type: RESOURCE, id }, result, Topics.approval);
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
