import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { DataSource, FindOptionsWhere } from 'typeorm';
import { Roles } from '@cityworks/contracts';
import { PageQuery, Page } from '../http/page-query';
import { RequireRoles } from '../auth/roles.decorator';
import { AuditEntry } from './audit-entry.entity';
import { AuditChainReport, AuditTrail } from './audit-trail';

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
  async list(@Query() query: AuditLogQuery): Promise<Page<AuditEntry>> {
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
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  @Get('verify')
  @RequireRoles(Roles.auditor)
  @ApiOperation({ summary: 'recompute the hash chain; valid=false names the first tampered entry' })
  verify(): Promise<AuditChainReport> {
    return this.trail.verify();
  }
}
