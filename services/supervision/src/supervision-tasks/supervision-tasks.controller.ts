import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, Roles } from '@cityworks/contracts';
import { ApiErrors, CurrentUser, RequireRoles } from '@cityworks/platform';
import { SupervisionTasksService } from './supervision-tasks.service';
import { SupervisionFeedbackDto } from './dto/supervision-feedback.dto';
import { ListSupervisionTasksQuery } from './dto/list-supervision-tasks.query';
import { SupervisionTaskPageView, SupervisionTaskView } from './views/supervision-task.view';

@ApiTags('supervision-tasks')
@ApiBearerAuth()
@Controller('supervision-tasks')
export class SupervisionTasksController {
  constructor(private readonly tasks: SupervisionTasksService) {}

  @Get()
  @RequireRoles(Roles.supervisionOfficer, Roles.inspector, Roles.approvalOfficer)
  @ApiOperation({ summary: '审管联动 tasks your department supervises (or approved), newest first' })
  @ApiOkResponse({ type: SupervisionTaskPageView })
  @ApiErrors(400)
  list(@CurrentUser() user: AuthUser, @Query() query: ListSupervisionTasksQuery): Promise<SupervisionTaskPageView> {
    return this.tasks.list(user, query);
  }

  @Get(':id')
  @RequireRoles(Roles.supervisionOfficer, Roles.inspector, Roles.approvalOfficer)
  @ApiOkResponse({ type: SupervisionTaskView })
  @ApiErrors(404)
  get(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<SupervisionTaskView> {
    return this.tasks.get(user, id);
  }

  @Post(':id/feedback')
  @RequireRoles(Roles.supervisionOfficer)
  @HttpCode(200)
  @ApiOperation({ summary: '监管结果反馈: record what the department did; closes the task' })
  @ApiOkResponse({ type: SupervisionTaskView })
  @ApiErrors(400, 404, [409, 'the task already has feedback'], [422, 'the outcome is blank'])
  feedback(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: SupervisionFeedbackDto): Promise<SupervisionTaskView> {
    return this.tasks.giveFeedback(user, id, body.outcome);
  }
}
