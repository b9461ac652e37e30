import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Roles } from '@cityworks/contracts';
import { ApiErrors, RequireRoles, USCC_SCHEMA } from '@cityworks/platform';
import { UsccPipe } from './uscc.pipe';
import { CommitmentEligibilityService } from './commitment-eligibility.service';
import { CommitmentEligibilityView } from './views/commitment-eligibility.view';

@ApiTags('commitment-eligibility')
@ApiBearerAuth()
@Controller('commitment-eligibility')
export class CommitmentEligibilityController {
  constructor(private readonly eligibility: CommitmentEligibilityService) {}

  @Get(':ownerUscc')
  @RequireRoles(Roles.approvalOfficer, Roles.supervisionOfficer, Roles.reformOffice)
  @ApiOperation({ summary: '告知承诺资格: whether a subject may apply on commitment now, and why not' })
  @ApiParam({ name: 'ownerUscc', description: '建设单位统一社会信用代码', schema: { ...USCC_SCHEMA } })
  @ApiOkResponse({ type: CommitmentEligibilityView })
  @ApiErrors([400, 'ownerUscc is not a valid 统一社会信用代码'])
  of(@Param('ownerUscc', UsccPipe) ownerUscc: string): Promise<CommitmentEligibilityView> {
    return this.eligibility.of(ownerUscc);
  }
}
