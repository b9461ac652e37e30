import { Injectable } from '@nestjs/common';
import type { SupervisionActivities } from '@cityworks/contracts';
import { SupervisionTasksService } from '../supervision-tasks/supervision-tasks.service';

/** Activities on task queue `supervision`; each touches only this service's data. */
@Injectable()
export class SupervisionActivitiesImpl implements SupervisionActivities {
  constructor(private readonly tasks: SupervisionTasksService) {}

  markSupervisionTaskOverdue({ taskId }: { taskId: string }) {
    return this.tasks.markOverdue(taskId);
  }
}
