import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, Roles } from '@cityworks/contracts';
import { ApiErrors, CurrentUser, RequireRoles } from '@cityworks/platform';
import { InactionReportService } from './inaction-report.service';
import { InactionReportQuery } from './dto/inaction-report.query';
import { InactionReportView } from './views/inaction-report.view';

@ApiTags('inaction-report')
@ApiBearerAuth()
@Controller('inaction-report')
export class InactionReportController {
  constructor(private readonly report: InactionReportService) {}

  @Get()
  @RequireRoles(Roles.supervisionOfficer, Roles.reformOffice, Roles.auditor)
  @ApiOperation({
    summary: '不作为 report of a period: supervision items with no 监管行为, and departments whose deadlines were missed',
    description: 'Your own department, or any (or all) for the reform office and auditors.',
  })
  @ApiOkResponse({ type: InactionReportView })
  @ApiErrors(400, [403, 'another department than your own'])
  get(@CurrentUser() user: AuthUser, @Query() query: InactionReportQuery): Promise<InactionReportView> {
    return this.report.report(user, query);
  }
}
