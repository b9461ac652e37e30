import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SupervisionTask } from '../domain/supervision-task';

/** A supervision task (审管联动) as the API shows it. */
export class SupervisionTaskView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  applicationId: string;

  @ApiProperty({ description: '项目代码' })
  projectCode: string;

  @ApiProperty({ description: '审批事项编码' })
  itemCode: string;

  @ApiProperty({ description: '监管部门代码: owns the task' })
  departmentCode: string;

  @ApiProperty({ description: '实施部门代码: decided the application' })
  approvingDepartmentCode: string;

  @ApiProperty({ description: '行政区划代码' })
  regionCode: string;

  @ApiProperty({ description: '建设单位统一社会信用代码' })
  ownerUscc: string;

  @ApiProperty({ enum: ['approved', 'rejected'] })
  decision: string;

  @ApiProperty({ description: '告知承诺制' })
  onCommitment: boolean;

  @ApiProperty({ enum: ['open', 'overdue', 'closed'] })
  status: 'open' | 'overdue' | 'closed';

  @ApiProperty({ format: 'date-time', description: 'feedback is due by this instant (end of the last working day)' })
  dueAt: string;

  @ApiProperty({ description: 'the deadline crosses a year whose official holiday arrangement is not published yet' })
  dueProvisional: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, description: '监管结果' })
  feedbackOutcome: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  feedbackAt: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  overdueAt: string | null;

  @ApiProperty({ description: 'the Temporal workflow that tracks the deadline' })
  workflowId: string;

  static of(task: SupervisionTask): SupervisionTaskView {
    const s = task.snapshot;
    return Object.assign(new SupervisionTaskView(), {
      id: s.id,
      applicationId: s.applicationId,
      projectCode: s.projectCode,
      itemCode: s.itemCode,
      departmentCode: s.departmentCode,
      approvingDepartmentCode: s.approvingDepartmentCode,
      regionCode: s.regionCode,
      ownerUscc: s.ownerUscc,
      decision: s.decision,
      onCommitment: s.onCommitment,
      status: s.status,
      dueAt: s.dueAt.toISOString(),
      dueProvisional: s.dueProvisional,
      feedbackOutcome: s.feedbackOutcome,
      feedbackAt: s.feedbackAt?.toISOString() ?? null,
      overdueAt: s.overdueAt?.toISOString() ?? null,
      workflowId: s.workflowId,
    });
  }
}

export class SupervisionTaskPageView {
  @ApiProperty({ type: [SupervisionTaskView] })
  items: SupervisionTaskView[];

  @ApiProperty()
  total: number;

  @ApiProperty()
  page: number;

  @ApiProperty()
  pageSize: number;
}
