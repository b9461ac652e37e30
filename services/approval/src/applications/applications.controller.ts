import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, Roles } from '@cityworks/contracts';
import { ApiErrors, CurrentUser, RequireRoles } from '@cityworks/platform';
import { ApplicationsService } from './applications.service';
import { AcceptApplicationDto } from './dto/accept-application.dto';
import { DecideApplicationDto } from './dto/decide-application.dto';
import { ListApplicationsQuery } from './dto/list-applications.query';
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
  @ApiErrors(400)
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
  @ApiErrors(400, 404, [409, 'the application is already decided'], [422, 'a rejection whose reason is blank'])
  decide(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: DecideApplicationDto): Promise<ApplicationView> {
    return this.applications.decide(user, id, body);
  }
}
