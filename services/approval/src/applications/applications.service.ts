import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, FindOptionsWhere } from 'typeorm';
import type { AuthUser } from '@cityworks/contracts';
import { randomUUID } from 'node:crypto';
import { ApplicationAcceptedV1, ApprovalDecidedV1, ApprovalEventTypes, Topics } from '@cityworks/contracts';
import { OutboxRelay, OutboxWriter } from '@cityworks/messaging';
import { AuditTrail, departmentFilter, mayAct, mayRead, Page } from '@cityworks/platform';
import { Application } from './application.entity';
import { AcceptApplicationDto } from './dto/accept-application.dto';
import { DecideApplicationDto } from './dto/decide-application.dto';
import { ListApplicationsQuery } from './dto/list-applications.query';

@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
    private readonly audit: AuditTrail,
  ) {}

  /** 谁审批谁负责: the implementing department owns an application; the supervising one may read it. */
  private assertReadable(user: AuthUser, application: Application): void {
    if (!mayRead(user, application.departmentCode, application.supervisingDepartmentCode)) {
      // another department's application does not exist, as far as this caller can tell
      throw new NotFoundException(`application ${application.id} not found`);
    }
  }

  async accept(user: AuthUser, dto: AcceptApplicationDto): Promise<Application> {
    if (!mayAct(user, dto.departmentCode)) throw new ForbiddenException(`departmentCode ${dto.departmentCode} is not your department`);
    const application = await this.dataSource.transaction(async (manager) => {
      const record = manager.create(Application, {
        ...dto,
        id: randomUUID(),
        onCommitment: dto.onCommitment ?? false,
        status: 'accepted',
        acceptedAt: new Date(),
        decidedAt: null,
        decisionReason: null,
      });
      await manager.insert(Application, record);
      await this.audit.record(manager, { action: 'application.accepted', resourceType: 'application', resourceId: record.id, after: { status: record.status, itemCode: record.itemCode, projectCode: record.projectCode } });
      await this.outbox.add<ApplicationAcceptedV1>(manager, Topics.approval, {
        type: ApprovalEventTypes.applicationAccepted,
        subject: record.id,
        data: {
          applicationId: record.id,
          projectCode: record.projectCode,
          itemCode: record.itemCode,
          departmentCode: record.departmentCode,
          regionCode: record.regionCode,
          acceptedAt: record.acceptedAt.toISOString(),
        },
      });
      return record;
    });
    this.relay.nudge();
    return application;
  }

  /** Records the decision and pushes it to the supervising department (审批结果推送). */
  async decide(user: AuthUser, id: string, dto: DecideApplicationDto): Promise<Application> {
    const application = await this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(Application, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw new NotFoundException(`application ${id} not found`);
      this.assertReadable(user, current);
      if (!mayAct(user, current.departmentCode)) throw new ForbiddenException(`only the implementing department ${current.departmentCode} decides application ${id}`);
      if (current.status !== 'accepted') throw new ConflictException(`application ${id} is already ${current.status}`);
      const before = { status: current.status };
      current.status = dto.decision;
      current.decidedAt = new Date();
      current.decisionReason = dto.reason ?? null;
      await manager.save(current);
      await this.audit.record(manager, { action: 'application.decided', resourceType: 'application', resourceId: id, before, after: { status: current.status, reason: current.decisionReason } });
      await this.outbox.add<ApprovalDecidedV1>(manager, Topics.approval, {
        type: ApprovalEventTypes.decided,
        subject: current.id,
        data: {
          applicationId: current.id,
          projectCode: current.projectCode,
          itemCode: current.itemCode,
          approvingDepartmentCode: current.departmentCode,
          supervisingDepartmentCode: current.supervisingDepartmentCode,
          regionCode: current.regionCode,
          ownerUscc: current.ownerUscc,
          decision: dto.decision,
          onCommitment: current.onCommitment,
          decidedAt: current.decidedAt.toISOString(),
          supervisionFeedbackWorkingDays: current.supervisionFeedbackWorkingDays,
        },
      });
      return current;
    });
    this.relay.nudge();
    return application;
  }

  async get(user: AuthUser, id: string): Promise<Application> {
    const application = await this.find(id);
    this.assertReadable(user, application);
    return application;
  }

  /** Unscoped read, for this service's own activities. */
  async find(id: string): Promise<Application> {
    const application = await this.dataSource.getRepository(Application).findOne({ where: { id } });
    if (!application) throw new NotFoundException(`application ${id} not found`);
    return application;
  }

  async list(user: AuthUser, query: ListApplicationsQuery): Promise<Page<Application>> {
    const filter: FindOptionsWhere<Application> = {};
    if (query.status) filter.status = query.status;
    if (query.projectCode) filter.projectCode = query.projectCode;
    const department = departmentFilter(user);
    const where = department ? [{ ...filter, departmentCode: department }, { ...filter, supervisingDepartmentCode: department }] : filter;
    const [items, total] = await this.dataSource.getRepository(Application).findAndCount({
      where,
      order: { acceptedAt: 'DESC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items, total, page: query.page, pageSize: query.pageSize };
  }
}
