import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, Roles } from '@cityworks/contracts';
import { ApiErrors, CurrentUser, PageQuery, RequireRoles } from '@cityworks/platform';
import { ApplicationsService } from './applications.service';
import { AcceptApplicationDto } from './dto/accept-application.dto';
import { DecideApplicationDto } from './dto/decide-application.dto';
import { ListApplicationsQuery } from './dto/list-applications.query';
import { StopClockDto } from './dto/clock-stop.dto';
import { RevokeApplicationDto } from './dto/revoke-application.dto';
import { TimingReportQuery } from './dto/timing-report.query';
import { TimingReportView } from './views/timing-report.view';
import { ApplicationPageView, ApplicationView } from './views/application.view';

@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Post()
  @RequireRoles(Roles.approvalOfficer)
  @ApiOperation({ summary: '受理: accept an application (办件) for your department; its statutory clock starts' })
  @ApiCreatedResponse({ type: ApplicationView })
  @ApiErrors(400, [
    422,
    'the item is not in the list in force for the region, your department does not implement it, it does not allow 告知承诺, or participatingDepartmentCodes names the implementing department',
  ])
  accept(@CurrentUser() user: AuthUser, @Body() body: AcceptApplicationDto): Promise<ApplicationView> {
    return this.applications.accept(user, body);
  }

  @Get()
  @RequireRoles(Roles.approvalOfficer, Roles.supervisionOfficer)
  @ApiOperation({ summary: 'applications your department implements or supervises' })
  @ApiOkResponse({ type: ApplicationPageView })
  @ApiErrors(400)
  list(@CurrentUser() user: AuthUser, @Query() query: ListApplicationsQuery): Promise<ApplicationPageView> {
    return this.applications.list(user, query);
  }

  @Get('timing-report')
  @RequireRoles(Roles.approvalOfficer, Roles.auditor)
  @ApiOperation({
    summary:
      '办理用时 per department for applications accepted in a year or month: counts, average and maximum used working days, share within the limit, overdue, illegal clock-stops',
  })
  @ApiOkResponse({ type: TimingReportView })
  @ApiErrors(400)
  timingReport(@CurrentUser() user: AuthUser, @Query() query: TimingReportQuery): Promise<TimingReportView> {
    return this.applications.timingReport(user, query);
  }

  @Get('illegal-clock-stop-attempts')
  @RequireRoles(Roles.approvalOfficer, Roles.auditor)
  @ApiOperation({ summary: '不得违规暂停计时: applications with refused clock-stops, most attempts first (the 工改办 sees all departments)' })
  @ApiOkResponse({ type: ApplicationPageView })
  @ApiErrors(400)
  illegalClockStopAttempts(@CurrentUser() user: AuthUser, @Query() query: PageQuery): Promise<ApplicationPageView> {
    return this.applications.withIllegalClockStopAttempts(user, query);
  }

  @Get(':id')
  @RequireRoles(Roles.approvalOfficer, Roles.supervisionOfficer)
  @ApiOkResponse({ type: ApplicationView })
  @ApiErrors(404)
  get(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<ApplicationView> {
    return this.applications.get(user, id);
  }

  @Post(':id/decision')
  @RequireRoles(Roles.approvalOfficer)
  @HttpCode(200)
  @ApiOperation({ summary: '审批决定: approve or reject; the result is pushed to the supervising department' })
  @ApiOkResponse({ type: ApplicationView })
  @ApiErrors(
    400,
    404,
    [409, 'the application is already decided, its clock is stopped, or participating departments of its joint review have not all answered'],
    [422, 'a rejection whose reason is blank'],
  )
  decide(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: DecideApplicationDto): Promise<ApplicationView> {
    return this.applications.decide(user, id, body);
  }

  @Post(':id/clock-stops')
  @RequireRoles(Roles.approvalOfficer)
  @HttpCode(200)
  @ApiOperation({ summary: '暂停计时: stop the statutory clock for a reason the item allows; any other reason is refused (422) and recorded' })
  @ApiOkResponse({ type: ApplicationView })
  @ApiErrors(
    400,
    404,
    [409, 'the application is decided or its clock is stopped already'],
    [422, 'the item does not allow this reason (the attempt is recorded)'],
  )
  stopClock(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: StopClockDto): Promise<ApplicationView> {
    return this.applications.stopClock(user, id, body);
  }

  @Post(':id/clock-stops/current/end')
  @RequireRoles(Roles.approvalOfficer)
  @HttpCode(200)
  @ApiOperation({ summary: 'the clock runs again; the deadline moves by the working days it was stopped' })
  @ApiOkResponse({ type: ApplicationView })
  @ApiErrors(404, [409, 'the clock is not stopped'])
  resumeClock(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<ApplicationView> {
    return this.applications.resumeClock(user, id);
  }

  @Post(':id/revocation')
  @RequireRoles(Roles.approvalOfficer)
  @HttpCode(200)
  @ApiOperation({ summary: '撤销: withdraw an approval with its reason and source; publishes approval.revoked.v1' })
  @ApiOkResponse({ type: ApplicationView })
  @ApiErrors(400, 404, [409, 'only an approval can be revoked, and once'], [422, 'a blank reason'])
  revoke(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: RevokeApplicationDto): Promise<ApplicationView> {
    return this.applications.revoke(user, id, body);
  }
}
