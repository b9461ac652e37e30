import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiErrors, RequireRoles } from '@cityworks/platform';
import { UPSTREAM_ERRORS, UpstreamClient } from '../../upstream/upstream-client';
import { CONSOLE_ROLES } from '../../session/session.dto';
import { bearerOf } from '../../session/session-cookie';
import type { Page, ProjectSummary } from '../overview/upstream-shapes';
import { ProjectsQuery } from './projects.query';
import { ProjectCodeParam } from './project-code.param';
import { TimelineService } from './timeline.service';
import { TimelineProjectView, TimelineView } from './timeline.view';

@ApiTags('console')
@Controller('api/projects')
export class TimelineController {
  constructor(
    private readonly timelines: TimelineService,
    private readonly upstream: UpstreamClient,
  ) {}

  @Get()
  @RequireRoles(...CONSOLE_ROLES)
  @ApiOperation({ summary: '项目: the projects the user may see, newest first, paged at approval' })
  @ApiOkResponse({ type: [TimelineProjectView] })
  @ApiErrors(400, 401, [403, 'the service refuses the user’s role'], ...UPSTREAM_ERRORS)
  async list(@Req() req: Request, @Query() query: ProjectsQuery): Promise<Page<TimelineProjectView>> {
    const page = await this.upstream.json<Page<ProjectSummary>>('approval', '/projects', {
      token: bearerOf(req),
      query: { page: query.page, pageSize: query.pageSize, type: query.type },
    });
    return {
      ...page,
      items: page.items.map((p) => ({ code: p.code, name: p.name, type: p.type, stage: p.stage, status: p.status, registeredAt: p.registeredAt })),
    };
  }

  @Get(':code/timeline')
  @RequireRoles(...CONSOLE_ROLES)
  @ApiParam({ name: 'code', description: '项目代码', schema: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' } })
  @ApiOperation({ summary: '项目时间线: stages and their parallel applications with used days and clock-stops (Gantt)' })
  @ApiOkResponse({ type: TimelineView })
  @ApiErrors(400, 401, 404, [403, 'the service refuses the user’s role'], ...UPSTREAM_ERRORS)
  timeline(@Req() req: Request, @Param() params: ProjectCodeParam): Promise<TimelineView> {
    return this.timelines.timeline(bearerOf(req), params.code);
  }
}
