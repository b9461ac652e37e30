import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SupervisionTasksService } from './supervision-tasks.service';
import { SupervisionFeedbackDto } from './dto/supervision-feedback.dto';
import { ListSupervisionTasksQuery } from './dto/list-supervision-tasks.query';

@ApiTags('supervision-tasks')
@Controller('supervision-tasks')
export class SupervisionTasksController {
  constructor(private readonly tasks: SupervisionTasksService) {}

  @Get()
  @ApiOperation({ summary: '审管联动 tasks of supervising departments, newest first' })
  list(@Query() query: ListSupervisionTasksQuery) {
    return this.tasks.list(query);
  }

  @Get(':id')
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.tasks.get(id);
  }

  @Post(':id/feedback')
  @HttpCode(200)
  @ApiOperation({ summary: '监管结果反馈: record what the department did; closes the task' })
  feedback(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: SupervisionFeedbackDto) {
    return this.tasks.giveFeedback(id, body.outcome);
  }
}
