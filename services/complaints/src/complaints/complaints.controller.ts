import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, Roles } from '@cityworks/contracts';
import { ApiErrors, CurrentUser, RequireRoles } from '@cityworks/platform';
import { ComplaintsService } from './complaints.service';
import { ComplaintStatisticsQuery } from './dto/complaint-statistics.query';
import { ComplaintStatisticsView } from './dto/complaint-statistics.view';
import { ReceiveComplaintDto, TransferComplaintDto } from './dto/receive-complaint.dto';
import { AnswerReviewDto, RateComplaintDto, RecordFindingDto } from './dto/review.dto';
import { AnswerComplaintDto } from './dto/answer-complaint.dto';
import { ListComplaintsQuery } from './dto/list-complaints.query';
import { ComplaintDetailView, ComplaintPage, ComplaintView } from './dto/complaint.view';

@ApiTags('complaints')
@ApiBearerAuth()
@Controller('complaints')
export class ComplaintsController {
  constructor(private readonly complaints: ComplaintsService) {}

  @Post()
  // system: the 12345 and national-platform bridges file complaints on behalf of citizens
  @RequireRoles(Roles.complaintHandler, Roles.system)
  @ApiOperation({
    summary:
      '受理投诉举报: record a complaint; its acknowledge and answer deadlines start (working days). A channel record delivered again is answered with the complaint it made',
  })
  @ApiCreatedResponse({ type: ComplaintView, description: 'received: a new complaint' })
  @ApiOkResponse({
    type: ComplaintView,
    description: 'the channel delivered this record (same externalRef, same matter) before: the complaint it made, nothing new recorded',
  })
  @ApiErrors(
    400,
    [409, 'the channel delivered another matter under this externalRef before'],
    [422, 'regionCode lies outside every territory with a 工改办 configured (COMPLAINT_REFORM_OFFICES)'],
  )
  async receive(@Body() body: ReceiveComplaintDto, @Res({ passthrough: true }) res: Response): Promise<ComplaintView> {
    const { complaint, repeated } = await this.complaints.receive(body);
    if (repeated) res.status(HttpStatus.OK);
    return complaint;
  }

  @Get()
  @RequireRoles(Roles.complaintHandler, Roles.auditor)
  @ApiOperation({ summary: 'complaints of your department (all of them for the reform office and auditors), newest first; without the complainant' })
  @ApiOkResponse({ type: ComplaintPage })
  @ApiErrors(400)
  list(@CurrentUser() user: AuthUser, @Query() query: ListComplaintsQuery): Promise<ComplaintPage> {
    return this.complaints.list(user, query);
  }

  @Get('statistics')
  @RequireRoles(Roles.complaintHandler, Roles.auditor)
  @ApiOperation({
    summary: '有诉必应 statistics of complaints received in a year or month, per department and category (your own department unless 工改办 or auditor)',
  })
  @ApiOkResponse({ type: ComplaintStatisticsView })
  @ApiErrors(400)
  statistics(@CurrentUser() user: AuthUser, @Query() query: ComplaintStatisticsQuery): Promise<ComplaintStatisticsView> {
    return this.complaints.statistics(user, query);
  }

  @Get(':id')
  @RequireRoles(Roles.complaintHandler, Roles.auditor)
  @ApiOperation({ summary: 'one complaint; the complainant is shown to the handling department only' })
  @ApiOkResponse({ type: ComplaintDetailView })
  @ApiErrors(404)
  get(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<ComplaintDetailView> {
    return this.complaints.detail(user, id);
  }

  @Post(':id/transfer')
  @HttpCode(200)
  @RequireRoles(Roles.complaintHandler)
  @ApiOperation({
    summary: '错转: pass a complaint not yet answered to the department whose duty it is, with the reason; the deadlines do not restart',
  })
  @ApiOkResponse({ type: ComplaintView })
  @ApiErrors(400, [403, 'not the handling department (nor the 工改办)'], 404, [409, 'already answered'], [422, 'the complaint is already with that department'])
  transfer(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: TransferComplaintDto): Promise<ComplaintView> {
    return this.complaints.transfer(user, id, body);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @RequireRoles(Roles.complaintHandler)
  @ApiOperation({ summary: '签收: the handling department acknowledges receipt' })
  @ApiOkResponse({ type: ComplaintView })
  @ApiErrors([403, 'not the handling department'], 404, [409, 'already acknowledged or answered'])
  acknowledge(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<ComplaintView> {
    return this.complaints.acknowledge(user, id);
  }

  @Post(':id/answer')
  @HttpCode(200)
  @RequireRoles(Roles.complaintHandler)
  @ApiOperation({ summary: '答复 (有诉必应): answer an acknowledged complaint' })
  @ApiOkResponse({ type: ComplaintView })
  @ApiErrors(400, [403, 'not the handling department'], 404, [409, 'not yet acknowledged, or already answered'])
  answer(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: AnswerComplaintDto): Promise<ComplaintView> {
    return this.complaints.answer(user, id, body.answer);
  }

  @Post(':id/finding')
  @HttpCode(200)
  @RequireRoles(Roles.complaintHandler)
  @ApiOperation({ summary: '属实认定: the handling department records whether the matter was substantiated; substantiated publishes complaints.upheld.v1' })
  @ApiOkResponse({ type: ComplaintView })
  @ApiErrors(400, [403, 'not the handling department'], 404, [409, 'not yet acknowledged, or a finding already recorded'], [422, 'a suggestion has no finding'])
  recordFinding(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: RecordFindingDto): Promise<ComplaintView> {
    return this.complaints.recordFinding(user, id, body.finding);
  }

  @Post(':id/rating')
  @HttpCode(200)
  // the channel relays the complainant's rating (12345 回访, the national platform); the 工改办 (reform-office) may call everything
  @RequireRoles(Roles.system)
  @ApiOperation({ summary: '满意度回访: the complainant rates the latest answer; unsatisfied with the first answer reopens it once for review by the 工改办' })
  @ApiOkResponse({ type: ComplaintView })
  @ApiErrors(
    400,
    404,
    [409, 'not answered, under review, already rated, or the rating period ended'],
    [422, 'unsatisfied with the review answer: a complaint is reopened only once'],
  )
  rate(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: RateComplaintDto): Promise<ComplaintView> {
    return this.complaints.rate(user, id, body.rating);
  }

  @Post(':id/review-answer')
  @HttpCode(200)
  @RequireRoles(Roles.complaintHandler)
  @ApiOperation({ summary: '复核答复: the reviewing 工改办 answers a reopened complaint again' })
  @ApiOkResponse({ type: ComplaintView })
  @ApiErrors(400, [403, 'not the reviewing 工改办'], 404, [409, 'not reopened, or the review already answered'])
  answerReview(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: AnswerReviewDto): Promise<ComplaintView> {
    return this.complaints.answerReview(user, id, body.answer);
  }
}
