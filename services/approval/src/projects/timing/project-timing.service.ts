import { Injectable } from '@nestjs/common';
import { AuthUser } from '@cityworks/contracts';
import { ServiceCalendar } from '@cityworks/calendar-sync';
import { ApplicationsRepository } from '../../applications/persistence/applications.repository';
import { projectTiming } from '../domain/project-timing';
import { ProjectsService } from '../projects.service';
import { ProjectTimingView } from '../views/project-timing.view';

/** 办理用时 of a project per stage and 全流程, derived from its applications each time it is asked. */
@Injectable()
export class ProjectTimingService {
  constructor(
    private readonly projects: ProjectsService,
    private readonly applications: ApplicationsRepository,
    private readonly calendar: ServiceCalendar,
  ) {}

  async timing(user: AuthUser, code: string): Promise<ProjectTimingView> {
    // whoever may read the project may read its timing: another region's project answers 404
    await this.projects.get(user, code);
    const now = new Date();
    const applications = await this.applications.ofProject(code);
    return ProjectTimingView.of(projectTiming(code, applications, this.calendar.current, now), now);
  }
}
