import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuthUser } from '@cityworks/contracts';
import { UPSTREAM_ERRORS } from '../../upstream/upstream-client';
import { ApiErrors, CurrentUser, RequireRoles } from '@cityworks/platform';
import { CONSOLE_ROLES } from '../../session/session.dto';
import { bearerOf } from '../../session/session-cookie';
import { OverviewQuery } from './overview.query';
import { OverviewService } from './overview.service';
import { OverviewView } from './overview.view';

@ApiTags('console')
@Controller('api/overview')
export class OverviewController {
  constructor(private readonly overview: OverviewService) {}

  @Get()
  @RequireRoles(...CONSOLE_ROLES)
  @ApiOperation({
    summary: '总览: on time vs late by department, letters per month, 办理用时 by project type, illegal clock-stops — each scoped to the user by its service',
  })
  @ApiOkResponse({ type: OverviewView })
  @ApiErrors(400, 401, ...UPSTREAM_ERRORS)
  async get(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Query() query: OverviewQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OverviewView> {
    const year = query.year ?? Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
    const started = process.hrtime.bigint();
    const view = await this.overview.overview(user, bearerOf(req), year);
    // the time spent at the backend (the services' reads included), for scripts/portal-budgets.js
    res.setHeader('server-timing', `overview;dur=${(Number(process.hrtime.bigint() - started) / 1e6).toFixed(1)}`);
    return view;
  }
}
