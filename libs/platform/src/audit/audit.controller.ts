import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { DataSource, FindOptionsWhere } from 'typeorm';
import { Roles } from '@cityworks/contracts';
import { PageQuery, Page, pageViewOf } from '../http/page-query';
import { RequireRoles } from '../auth/roles.decorator';
import { AuditEntry } from './audit-entry.entity';
import { AuditTrail } from './audit-trail';
import { AuditChainReportView, AuditEntryView } from './audit-entry.view';

export class AuditLogQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'application' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  resourceType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  resourceId?: string;

  @ApiPropertyOptional({ description: 'user id of the actor' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  actor?: string;
}

/** The service's audit trail, for auditors and the reform office; read-only by construction. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-log')
export class AuditController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly trail: AuditTrail,
  ) {}

  @Get()
  @RequireRoles(Roles.auditor)
  @ApiOperation({ summary: 'state changes, oldest first: who, when, what, before and after' })
  @ApiOkResponse({ type: pageViewOf(AuditEntryView) })
  async list(@Query() query: AuditLogQuery): Promise<Page<AuditEntryView>> {
    const where: FindOptionsWhere<AuditEntry> = {};
    if (query.resourceType) where.resourceType = query.resourceType;
    if (query.resourceId) where.resourceId = query.resourceId;
    if (query.actor) where.actorUserId = query.actor;
    const [items, total] = await this.dataSource.getRepository(AuditEntry).findAndCount({
      where,
      order: { seq: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items: items.map(AuditEntryView.of), total, page: query.page, pageSize: query.pageSize };
  }

  @Get('verify')
  @RequireRoles(Roles.auditor)
  @ApiOperation({ summary: 'recompute the hash chain; valid=false names the first tampered entry' })
  @ApiOkResponse({ type: AuditChainReportView })
  verify(): Promise<AuditChainReportView> {
    return this.trail.verify();
  }
}
