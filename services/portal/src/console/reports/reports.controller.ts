import { Controller, Get, Param, ParseUUIDPipe, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiErrors, RequireRoles } from '@cityworks/platform';
import { UPSTREAM_ERRORS, UpstreamClient } from '../../upstream/upstream-client';
import { CONSOLE_ROLES } from '../../session/session.dto';
import { bearerOf } from '../../session/session-cookie';
import type { Page } from '../overview/upstream-shapes';
import { ReportsQuery } from './reports.query';
import { ReportRowPageView, ReportRowView } from './report-row.view';

/** 通报: supervision's monthly and quarterly reports (the 工改办's; others get the service's 403). */
@ApiTags('console')
@Controller('api/reports')
export class ReportsController {
  constructor(private readonly upstream: UpstreamClient) {}

  @Get()
  @RequireRoles(...CONSOLE_ROLES)
  @ApiOperation({ summary: '月度通报 and 季度督查评分, newest first, paged at supervision' })
  @ApiOkResponse({ type: ReportRowPageView })
  @ApiErrors(400, 401, [403, 'the 工改办 only'], ...UPSTREAM_ERRORS)
  async list(@Req() req: Request, @Query() query: ReportsQuery): Promise<ReportRowPageView> {
    const page = await this.upstream.json<Page<ReportRowView>>('supervision', '/oversight-reports', { token: bearerOf(req), query: { ...query } });
    return {
      ...page,
      items: page.items.map((r) => ({ id: r.id, kind: r.kind, period: r.period, generatedAt: r.generatedAt, totals: r.totals })),
    };
  }

  @Get(':id/pdf')
  @RequireRoles(...CONSOLE_ROLES)
  @ApiOperation({ summary: 'the report as published (PDF), as a download' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiErrors(400, 401, [403, 'the 工改办 only'], 404, ...UPSTREAM_ERRORS)
  async pdf(@Req() req: Request, @Param('id', new ParseUUIDPipe()) id: string): Promise<StreamableFile> {
    const file = await this.upstream.file('supervision', `/oversight-reports/${id}/pdf`, { token: bearerOf(req) });
    return new StreamableFile(file.body, { type: 'application/pdf', disposition: `attachment; filename="oversight-report-${id}.pdf"` });
  }
}
