import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiErrors, RequireRoles } from '@cityworks/platform';
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
  @ApiOperation({ summary: '总览: on time vs late by department, letters per month, 办理用时 by project type, illegal clock-stops — each scoped to the user by its service' })
  @ApiOkResponse({ type: OverviewView })
  @ApiErrors(400, 401)
  get(@Req() req: Request, @Query() query: OverviewQuery): Promise<OverviewView> {
    const year = query.year ?? Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
    return this.overview.overview(bearerOf(req), year);
  }
}
