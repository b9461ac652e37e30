import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApplicationsService } from './applications.service';
import { AcceptApplicationDto } from './dto/accept-application.dto';
import { DecideApplicationDto } from './dto/decide-application.dto';
import { ListApplicationsQuery } from './dto/list-applications.query';

@ApiTags('applications')
@Controller('applications')
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Post()
  @ApiOperation({ summary: '受理: accept an application (办件); its statutory clock starts' })
  accept(@Body() body: AcceptApplicationDto) {
    return this.applications.accept(body);
  }

  @Get()
  list(@Query() query: ListApplicationsQuery) {
    return this.applications.list(query);
  }

  @Get(':id')
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.applications.get(id);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @ApiOperation({ summary: '审批决定: approve or reject; the result is pushed to the supervising department' })
  decide(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: DecideApplicationDto) {
    return this.applications.decide(id, body);
  }
}
