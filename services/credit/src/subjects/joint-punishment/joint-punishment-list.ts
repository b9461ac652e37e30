import { Controller, Get, Injectable, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Roles } from '@cityworks/contracts';
import type { CreditGrade } from '@cityworks/contracts';
import { ApiErrors, Page, PageQuery, RequireRoles } from '@cityworks/platform';
import { SubjectGrade } from '../../grading/subject-grade.entity';

export class JointPunishmentEntry {
  @ApiProperty({ description: '统一社会信用代码' }) uscc: string;
  @ApiProperty({ nullable: true, type: String, description: 'the name, when the credit office knows the subject' }) name: string | null;
  @ApiProperty({ enum: ['A', 'B', 'C', 'D'] }) grade: CreditGrade;
  @ApiProperty({ description: 'since when the grade stands' }) since: Date;
}

export class JointPunishmentPage {
  @ApiProperty({ type: [JointPunishmentEntry] }) items: JointPunishmentEntry[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

/**
 * 联合惩戒名单: the subjects whose grade puts them on the joint-punishment list (D by default, the
 * rule set's `jointPunishmentGrade`), as last graded — a record's arrival, expiry (the daily
 * refresh) or repair moves a subject on or off. Approval and supervision keep their own copies from
 * `credit.grade-changed.v1`; this is the list people read.
 */
@Injectable()
export class JointPunishmentListService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: PageQuery): Promise<Page<JointPunishmentEntry>> {
    const qb = this.dataSource.manager
      .createQueryBuilder(SubjectGrade, 'g')
      .leftJoin('subjects', 's', 's.uscc = g.uscc')
      .select(['g.uscc AS uscc', 's.name AS name', 'g.grade AS grade', 'g.changed_at AS since'])
      .where('g.joint_punishment = true');
    const total = await qb.getCount();
    const items: JointPunishmentEntry[] = await qb
      .orderBy('g.changed_at', 'DESC')
      .addOrderBy('g.uscc', 'ASC')
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .getRawMany();
    return { items, total, page: query.page, pageSize: query.pageSize };
  }
}

@ApiTags('subjects')
@ApiBearerAuth()
@Controller('joint-punishment-list')
export class JointPunishmentListController {
  constructor(private readonly list_: JointPunishmentListService) {}

  @Get()
  // "一处失信、处处受限": every department may read it
  @RequireRoles(Roles.approvalOfficer, Roles.supervisionOfficer, Roles.inspector, Roles.creditOfficer, Roles.complaintHandler, Roles.auditor, Roles.system)
  @ApiOperation({ summary: '联合惩戒名单: subjects on the joint-punishment list, most recently listed first' })
  @ApiOkResponse({ type: JointPunishmentPage })
  @ApiErrors(400)
  list(@Query() query: PageQuery): Promise<JointPunishmentPage> {
    return this.list_.list(query);
  }
}
