import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Application } from '../domain/application';

/** An application (办件) as the API shows it. */
export class ApplicationView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: '项目代码' })
  projectCode: string;

  @ApiProperty({ description: '审批事项编码' })
  itemCode: string;

  @ApiProperty({ description: '实施部门代码' })
  departmentCode: string;

  @ApiProperty({ description: '监管部门代码' })
  supervisingDepartmentCode: string;

  @ApiProperty({ description: '行政区划代码' })
  regionCode: string;

  @ApiProperty({ description: '建设单位统一社会信用代码' })
  ownerUscc: string;

  @ApiProperty({ description: '告知承诺制' })
  onCommitment: boolean;

  @ApiProperty({ description: 'working days the supervising department has to act on the result' })
  supervisionFeedbackWorkingDays: number;

  @ApiProperty({ enum: ['accepted', 'approved', 'rejected'] })
  status: 'accepted' | 'approved' | 'rejected';

  @ApiProperty({ format: 'date-time' })
  acceptedAt: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  decidedAt: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  decisionReason: string | null;

  static of(application: Application): ApplicationView {
    const s = application.snapshot;
    return Object.assign(new ApplicationView(), {
      id: s.id,
      projectCode: s.projectCode,
      itemCode: s.itemCode,
      departmentCode: s.departmentCode,
      supervisingDepartmentCode: s.supervisingDepartmentCode,
      regionCode: s.regionCode,
      ownerUscc: s.ownerUscc,
      onCommitment: s.onCommitment,
      supervisionFeedbackWorkingDays: s.supervisionFeedbackWorkingDays,
      status: s.status,
      acceptedAt: s.acceptedAt.toISOString(),
      decidedAt: s.decidedAt?.toISOString() ?? null,
      decisionReason: s.decisionReason,
    });
  }
}

export class ApplicationPageView {
  @ApiProperty({ type: [ApplicationView] })
  items: ApplicationView[];

  @ApiProperty()
  total: number;

  @ApiProperty()
  page: number;

  @ApiProperty()
  pageSize: number;
}
