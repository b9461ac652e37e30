import { Controller, Get, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiErrors, RequireRoles } from '@cityworks/platform';
import { UPSTREAM_ERRORS, UpstreamClient } from '../upstream/upstream-client';
import { CONSOLE_ROLES, DepartmentOptionView } from '../session/session.dto';
import { bearerOf } from '../session/session-cookie';
import type { Page } from './overview/upstream-shapes';

/** 部门: code → name for the charts' axes, from the catalog. */
@ApiTags('console')
@Controller('api/departments')
export class DepartmentsController {
  constructor(private readonly upstream: UpstreamClient) {}

  @Get()
  @RequireRoles(...CONSOLE_ROLES)
  @ApiOperation({ summary: 'the city’s departments (code, name, region, kind)' })
  @ApiOkResponse({ type: [DepartmentOptionView] })
  @ApiErrors(401, [403, 'the service refuses the user’s role'], ...UPSTREAM_ERRORS)
  async list(@Req() req: Request): Promise<DepartmentOptionView[]> {
    const page = await this.upstream.json<Page<DepartmentOptionView>>('catalog', '/departments', { token: bearerOf(req), query: { pageSize: 200 } });
    return page.items.map((d) => ({ code: d.code, name: d.name, regionCode: d.regionCode, kind: d.kind }));
  }
}
