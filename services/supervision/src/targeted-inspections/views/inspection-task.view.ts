import { ApiProperty } from '@nestjs/swagger';
import { InspectionTask, InspectionTaskSource, InspectionTaskSources, InspectionTaskStatus } from '../domain/inspection-task';

/** A task to act on and feed back, from a 风险预警, an upheld complaint or a referral. */
export class InspectionTaskView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: InspectionTaskSources })
  source: InspectionTaskSource;

  @ApiProperty({ description: 'the warning’s external id, the complaint id, or <actionId>:<department> of a referral' })
  sourceRef: string;

  @ApiProperty({ description: 'the department that must act and feed back' })
  departmentCode: string;

  @ApiProperty()
  regionCode: string;

  @ApiProperty({ type: String, nullable: true })
  supervisionItemCode: string | null;

  @ApiProperty({ type: String, nullable: true })
  subjectUscc: string | null;

  @ApiProperty({ type: String, nullable: true })
  subjectName: string | null;

  @ApiProperty({ type: String, nullable: true })
  projectCode: string | null;

  @ApiProperty()
  title: string;

  @ApiProperty()
  details: string;

  @ApiProperty()
  requestedBy: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  referringActionId: string | null;

  @ApiProperty({ enum: ['open', 'overdue', 'closed'] })
  status: InspectionTaskStatus;

  @ApiProperty({ format: 'date-time' })
  dueAt: string;

  @ApiProperty({ format: 'date-time' })
  openedAt: string;

  @ApiProperty()
  workflowId: string;

  @ApiProperty({ type: String, nullable: true })
  feedbackOutcome: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  feedbackActionId: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  feedbackAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  overdueAt: string | null;

  static of(task: InspectionTask): InspectionTaskView {
    const s = task.snapshot;
    return Object.assign(new InspectionTaskView(), {
      id: s.id,
      source: s.source,
      sourceRef: s.sourceRef,
      departmentCode: s.departmentCode,
      regionCode: s.regionCode,
      supervisionItemCode: s.supervisionItemCode,
      subjectUscc: s.subjectUscc,
      subjectName: s.subjectName,
      projectCode: s.projectCode,
      title: s.title,
      details: s.details,
      requestedBy: s.requestedBy,
      referringActionId: s.referringActionId,
      status: s.status,
      dueAt: s.dueAt.toISOString(),
      openedAt: s.openedAt.toISOString(),
      workflowId: s.workflowId,
      feedbackOutcome: s.feedbackOutcome,
      feedbackActionId: s.feedbackActionId,
      feedbackAt: s.feedbackAt?.toISOString() ?? null,
      overdueAt: s.overdueAt?.toISOString() ?? null,
    });
  }
}

export class InspectionTaskPageView {
  @ApiProperty({ type: [InspectionTaskView] })
  items: InspectionTaskView[];

  @ApiProperty()
  total: number;

  @ApiProperty()
  page: number;

  @ApiProperty()
  pageSize: number;
}
