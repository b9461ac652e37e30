import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, Roles } from '@cityworks/contracts';
import { ApiErrors, CurrentUser, RequireRoles } from '@cityworks/platform';
import { InspectionTasksService } from './inspection-tasks.service';
import { InspectionFeedbackDto, ListInspectionTasksQuery, ReferViolationDto } from './dto/inspection-task.dto';
import { InspectionTaskPageView, InspectionTaskView } from './views/inspection-task.view';

@ApiTags('inspection-tasks')
@ApiBearerAuth()
@Controller('inspection-tasks')
export class InspectionTasksController {
  constructor(private readonly tasks: InspectionTasksService) {}

  @Get()
  @RequireRoles(Roles.supervisionOfficer, Roles.inspector)
  @ApiOperation({ summary: '专项检查, 风险预警 and referral tasks your department must act on, newest first' })
  @ApiOkResponse({ type: InspectionTaskPageView })
  @ApiErrors(400)
  list(@CurrentUser() user: AuthUser, @Query() query: ListInspectionTasksQuery): Promise<InspectionTaskPageView> {
    return this.tasks.list(user, query);
  }

  @Get(':id')
  @RequireRoles(Roles.supervisionOfficer, Roles.inspector)
  @ApiOkResponse({ type: InspectionTaskView })
  @ApiErrors(404)
  get(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<InspectionTaskView> {
    return this.tasks.get(user, id);
  }

  @Post(':id/feedback')
  @RequireRoles(Roles.supervisionOfficer)
  @HttpCode(200)
  @ApiOperation({ summary: '反馈: what your department did and found; closes the task and publishes supervision.feedback-given.v1' })
  @ApiOkResponse({ type: InspectionTaskView })
  @ApiErrors(
    400,
    [403, 'not the task’s department'],
    404,
    [409, 'the task already has feedback'],
    [422, 'the outcome is blank, or actionId names no 监管行为 of the task’s department'],
  )
  feedback(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: InspectionFeedbackDto): Promise<InspectionTaskView> {
    return this.tasks.giveFeedback(user, id, body);
  }
}

/** 告知其他机关, on the action that found the violation. */
@ApiTags('inspection-tasks')
@ApiBearerAuth()
@Controller('supervision-actions')
export class ReferralsController {
  constructor(private readonly tasks: InspectionTasksService) {}

  @Post(':id/referrals')
  @RequireRoles(Roles.supervisionOfficer)
  @ApiOperation({
    summary: '告知其他机关: pass a violation outside your duty to the competent department as a task with a feedback deadline',
    description: 'Once per action and department: a repeat answers 200 with the task the first made.',
  })
  @ApiCreatedResponse({ type: InspectionTaskView, description: 'the referral task opened' })
  @ApiOkResponse({ type: InspectionTaskView, description: 'already referred: the existing task' })
  @ApiErrors(400, [403, 'not the action’s department'], 404, [
    409,
    'the action is not reported, found no problem, or was referred to that department with another matter',
  ])
  async refer(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ReferViolationDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<InspectionTaskView> {
    const { task, created } = await this.tasks.referFromAction(user, id, body.competentDepartmentCode, body.matter);
    res.status(created ? 201 : 200);
    return task;
  }
}
