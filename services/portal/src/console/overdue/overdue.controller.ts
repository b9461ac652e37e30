import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { UPSTREAM_ERRORS } from '../../upstream/upstream-client';
import { ApiErrors, RequireRoles } from '@cityworks/platform';
import { CONSOLE_ROLES } from '../../session/session.dto';
import { bearerOf } from '../../session/session-cookie';
import { OverdueQuery } from './overdue.query';
import { OverdueService } from './overdue.service';
import { OverduePageView } from './overdue.view';

@ApiTags('console')
@Controller('api/overdue')
export class OverdueController {
  constructor(private readonly overdue: OverdueService) {}

  @Get()
  @RequireRoles(...CONSOLE_ROLES)
  @ApiOperation({ summary: '逾期事项: rungs of the escalation ladder with their due date, letter and Temporal UI link, paged at the service' })
  @ApiOkResponse({ type: OverduePageView })
  @ApiErrors(400, 401, [403, 'the service refuses the user’s role'], ...UPSTREAM_ERRORS)
  list(@Req() req: Request, @Query() query: OverdueQuery): Promise<OverduePageView> {
    return this.overdue.list(bearerOf(req), query);
  }
}
