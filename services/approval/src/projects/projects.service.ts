import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuthUser, ProjectProgress, Roles, Topics } from '@cityworks/contracts';
import { UnitOfWork } from '@cityworks/messaging';
import { actsForAll, seesAll } from '@cityworks/platform';
import { Project } from './domain/project';
import { ProjectsRepository } from './persistence/projects.repository';
import { ProjectPage, ProjectView } from './views/project.view';
import { RegisterProjectDto } from './dto/register-project.dto';
import { ProjectFactsDto } from './dto/project-facts.dto';
import { ListProjectsQuery } from './dto/list-projects.query';
import { ProjectLifecycleWorkflowClient } from './workflow/project-lifecycle.workflow-client';

const RESOURCE = 'project';

/**
 * Use cases of the project: who may do what is checked here — a project belongs to its region,
 * whose approval officers register it and keep its facts, and the 工改办 acts for every region;
 * what may happen is the model's (domain/project.ts); every change goes through the unit of work.
 */
@Injectable()
export class ProjectsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly projects: ProjectsRepository,
    private readonly workflow: ProjectLifecycleWorkflowClient,
  ) {}

  /** The 工改办 (and system) act for every region; an approval officer for their own. */
  private mayAct(user: AuthUser, regionCode: string): boolean {
    return actsForAll(user) || (user.roles.includes(Roles.approvalOfficer) && user.regionCode === regionCode);
  }

  /** Another region's project does not exist, as far as this caller can tell. */
  private assertReadable(user: AuthUser, project: Project): void {
    const s = project.snapshot;
    if (!seesAll(user) && user.regionCode !== s.regionCode) throw new NotFoundException(`project ${s.code} not found`);
  }

  async register(user: AuthUser, dto: RegisterProjectDto): Promise<ProjectView> {
    if (!this.mayAct(user, dto.regionCode)) throw new ForbiddenException(`regionCode ${dto.regionCode} is not your region`);
    const { project, transition } = Project.register({ ...dto, facts: { ...dto.facts } }, randomUUID(), new Date());
    await this.uow.run(async (change) => {
      // the unique index decides a race; this answers the common case with a clear message
      if (await this.projects.codeTaken(change.manager, dto.code)) throw new ConflictException(`project ${dto.code} is already registered`);
      await this.projects.insert(change.manager, project);
      change.record({ type: RESOURCE, id: project.id }, transition, Topics.approval);
      change.command(this.workflow.start(project));
    });
    return ProjectView.of(project);
  }

  /** Replaces the project's facts with what is known now. */
  async updateFacts(user: AuthUser, code: string, dto: ProjectFactsDto): Promise<ProjectView> {
    const project = await this.uow.run(async (change) => {
      const current = await this.projects.lockForChange(change.manager, code);
      if (!current) throw new NotFoundException(`project ${code} not found`);
      this.assertReadable(user, current);
      if (!this.mayAct(user, current.snapshot.regionCode))
        throw new ForbiddenException(`only an approval officer of region ${current.snapshot.regionCode} changes the facts of project ${code}`);
      const transition = current.updateFacts({ ...dto }, new Date());
      if (transition) {
        await this.projects.save(change.manager, current);
        change.record({ type: RESOURCE, id: current.id }, transition, Topics.approval);
        change.command(this.workflow.factsChanged(current));
      }
      return current;
    });
    return ProjectView.of(project);
  }

  /** Where the lifecycle workflow has got to: the stage it opened, or the project's completion. */
  async recordProgress(progress: ProjectProgress): Promise<void> {
    await this.uow.run(async (change) => {
      const current = await this.projects.lockForChange(change.manager, progress.projectCode);
      if (!current) throw new NotFoundException(`project ${progress.projectCode} not found`);
      const at = new Date(progress.at);
      const transition = progress.completed ? current.complete(at) : progress.stage ? current.reachStage(progress.stage, at) : null;
      if (!transition) return;
      await this.projects.save(change.manager, current);
      change.record({ type: RESOURCE, id: current.id }, transition, Topics.approval);
    });
  }

  async get(user: AuthUser, code: string): Promise<ProjectView> {
    const project = await this.projects.findByCode(code);
    if (!project) throw new NotFoundException(`project ${code} not found`);
    this.assertReadable(user, project);
    return ProjectView.of(project);
  }

  async list(user: AuthUser, query: ListProjectsQuery): Promise<ProjectPage> {
    const { items, total } = await this.projects.page(
      { type: query.type, regionCode: query.regionCode, ownerUscc: query.ownerUscc, scopeRegion: seesAll(user) ? undefined : user.regionCode },
      query.page,
      query.pageSize,
    );
    return { items: items.map(ProjectView.of), total, page: query.page, pageSize: query.pageSize };
  }
}
