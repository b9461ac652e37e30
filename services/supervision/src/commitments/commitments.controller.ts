import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, Roles } from '@cityworks/contracts';
import { ApiErrors, CurrentUser, RequireRoles } from '@cityworks/platform';
import { CommitmentsService } from './commitments.service';
import { ListCommitmentsQuery } from './dto/list-commitments.query';
import { AnswerCommitmentReviewDto, RecordCommitmentCheckDto } from './dto/record-commitment-check.dto';
import { CommitmentPageView, CommitmentView } from './views/commitment.view';

@ApiTags('commitments')
@ApiBearerAuth()
@Controller('commitments')
export class CommitmentsController {
  constructor(private readonly commitments: CommitmentsService) {}

  @Get()
  @RequireRoles(Roles.supervisionOfficer, Roles.inspector, Roles.approvalOfficer)
  @ApiOperation({ summary: '告知承诺核查: commitments your department verifies (or approved on), newest first' })
  @ApiOkResponse({ type: CommitmentPageView })
  @ApiErrors(400)
  list(@CurrentUser() user: AuthUser, @Query() query: ListCommitmentsQuery): Promise<CommitmentPageView> {
    return this.commitments.list(user, query);
  }

  @Get(':id')
  @RequireRoles(Roles.supervisionOfficer, Roles.inspector, Roles.approvalOfficer)
  @ApiOkResponse({ type: CommitmentView })
  @ApiErrors(404)
  get(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<CommitmentView> {
    return this.commitments.get(user, id);
  }

  @Post(':id/checks')
  @RequireRoles(Roles.supervisionOfficer, Roles.inspector)
  @HttpCode(200)
  @ApiOperation({
    summary: '核查结果 (or 复查结果 after a rectification order), with evidence by reference',
    description:
      'fulfilled closes it (守信); minor-breach orders a rectification and a re-check; serious-breach or false-commitment revokes the approval, cancels the subject’s commitment eligibility and asks the approving department for a 复核.',
  })
  @ApiOkResponse({ type: CommitmentView })
  @ApiErrors(
    400,
    [403, 'not the supervising department'],
    404,
    [409, 'the commitment is already fulfilled or broken'],
    [
      422,
      'blank findings, no evidence, an inspection time in the future or before the decision, a second rectification, or rectificationWorkingDays missing or misplaced',
    ],
  )
  recordCheck(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: RecordCommitmentCheckDto): Promise<CommitmentView> {
    return this.commitments.recordCheck(user, id, body);
  }

  @Post(':id/review/answer')
  @RequireRoles(Roles.approvalOfficer)
  @HttpCode(200)
  @ApiOperation({ summary: '复核 answered by the approving department: how the case was reviewed and what was done' })
  @ApiOkResponse({ type: CommitmentView })
  @ApiErrors(400, [403, 'not the approving department'], 404, [409, 'no 复核 request is open'], [422, 'the answer is blank'])
  answerReview(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: AnswerCommitmentReviewDto): Promise<CommitmentView> {
    return this.commitments.answerReview(user, id, body);
  }
}
