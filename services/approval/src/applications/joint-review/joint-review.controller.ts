import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, Roles } from '@cityworks/contracts';
import { ApiErrors, CurrentUser, RequireRoles } from '@cityworks/platform';
import { ApplicationView } from '../views/application.view';
import { GiveJointReviewOpinionDto } from './dto/give-joint-review-opinion.dto';
import { JointReviewService } from './joint-review.service';

@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class JointReviewController {
  constructor(private readonly jointReview: JointReviewService) {}

  @Post(':id/joint-review/opinions')
  @RequireRoles(Roles.approvalOfficer)
  @ApiOperation({
    summary:
      "联合审图/联合验收: your department's opinion as a participating department (参与部门), once; the implementing department decides when every participant has answered; publishes approval.joint-review-opinion-given.v1",
  })
  @ApiCreatedResponse({ type: ApplicationView })
  @ApiErrors(
    400,
    [403, "the token's roles may not call this operation, or your department is not a participating department of the application"],
    404,
    [409, 'the application is decided already, or your department has given its opinion already'],
    [422, 'a 不同意 or 有条件同意 without a note'],
  )
  giveOpinion(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: GiveJointReviewOpinionDto): Promise<ApplicationView> {
    return this.jointReview.giveOpinion(user, id, body);
  }
}
