import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuthUser, Topics } from '@cityworks/contracts';
import { UnitOfWork } from '@cityworks/messaging';
import { departmentFilter, mayAct, mayRead } from '@cityworks/platform';
import { Application } from './domain/application';
import { ApplicationsRepository } from './persistence/applications.repository';
import { ApplicationPageView, ApplicationView } from './views/application.view';
import { AcceptApplicationDto } from './dto/accept-application.dto';
import { DecideApplicationDto } from './dto/decide-application.dto';
import { ListApplicationsQuery } from './dto/list-applications.query';

const RESOURCE = 'application';

/**
 * Use cases of the application: who may do what (谁审批谁负责) is checked here; what may happen
 * is the model's (domain/application.ts); every change goes through the unit of work.
 */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly applications: ApplicationsRepository,
  ) {}

  /** The implementing department owns an application; the supervising one may read it. */
  private assertReadable(user: AuthUser, application: Application): void {
    const s = application.snapshot;
    // another department's application does not exist, as far as this caller can tell
    if (!mayRead(user, s.departmentCode, s.supervisingDepartmentCode)) throw new NotFoundException(`application ${s.id} not found`);
  }

  async accept(user: AuthUser, dto: AcceptApplicationDto): Promise<ApplicationView> {
    if (!mayAct(user, dto.departmentCode)) throw new ForbiddenException(`departmentCode ${dto.departmentCode} is not your department`);
    const { application, transition } = Application.accept({ ...dto, onCommitment: dto.onCommitment ?? false }, randomUUID(), new Date());
    await this.uow.run(async (change) => {
      await this.applications.insert(change.manager, application);
      change.record({ type: RESOURCE, id: application.id }, transition, Topics.approval);
    });
    return ApplicationView.of(application);
  }

  /** Records the decision and pushes it to the supervising department (审批结果推送). */
  async decide(user: AuthUser, id: string, dto: DecideApplicationDto): Promise<ApplicationView> {
    const application = await this.uow.run(async (change) => {
      const current = await this.applications.lockForChange(change.manager, id);
      if (!current) throw new NotFoundException(`application ${id} not found`);
      this.assertReadable(user, current);
      if (!mayAct(user, current.snapshot.departmentCode))
        throw new ForbiddenException(`only the implementing department ${current.snapshot.departmentCode} decides application ${id}`);
      const transition = current.decide(dto, new Date());
      await this.applications.save(change.manager, current);
      change.record({ type: RESOURCE, id }, transition, Topics.approval);
      return current;
    });
    return ApplicationView.of(application);
  }

  async get(user: AuthUser, id: string): Promise<ApplicationView> {
    const application = await this.find(id);
    this.assertReadable(user, application);
    return ApplicationView.of(application);
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
    return { items: items.map(ApplicationView.of), total, page: query.page, pageSize: query.pageSize };
  }
}
