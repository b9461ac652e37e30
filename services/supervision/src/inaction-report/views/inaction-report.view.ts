import { ApiProperty } from '@nestjs/swagger';

/** A 监管事项 the department had to act under and did not, in the period. */
export class ItemWithoutActionView {
  @ApiProperty()
  departmentCode: string;

  @ApiProperty({ description: '监管事项编码' })
  code: string;

  @ApiProperty({ description: 'the list it is on' })
  regionCode: string;

  @ApiProperty()
  name: string;
}

/** How many of a department's deadlines of each kind fell in the period and were missed. */
export class LateDepartmentView {
  @ApiProperty()
  departmentCode: string;

  @ApiProperty({ description: '监管行为 not reported within the reporting period' })
  actionReports: number;

  @ApiProperty({ description: '风险预警, 专项检查 and referral tasks fed back late or not at all' })
  inspectionTasks: number;

  @ApiProperty({ description: '审管联动 tasks fed back late or not at all' })
  supervisionTasks: number;

  @ApiProperty({ description: '告知承诺核查 made late or not at all' })
  commitmentVerifications: number;

  @ApiProperty()
  total: number;
}

/** 不作为: items with no 监管行为 and departments whose deadlines ran out, in one period. */
export class InactionReportView {
  @ApiProperty({ format: 'date' })
  from: string;

  @ApiProperty({ format: 'date' })
  to: string;

  @ApiProperty({ type: String, nullable: true, description: 'the department reported on; null for all' })
  departmentCode: string | null;

  @ApiProperty({ format: 'date-time', description: 'deadlines still open at this instant count as missed once past' })
  generatedAt: string;

  @ApiProperty({ type: [ItemWithoutActionView], description: '每一监管事项至少一条监管行为: items in force on the last day with none in the period' })
  itemsWithoutAction: ItemWithoutActionView[];

  @ApiProperty({ type: [LateDepartmentView], description: 'departments with at least one deadline in the period missed, most first' })
  lateDepartments: LateDepartmentView[];
}
