import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AuthUser, Roles } from '@cityworks/contracts';
import { ApiErrors, CurrentUser, RequireRoles } from '@cityworks/platform';
import { CreditRecordView } from '../credit-records/dto/credit-record.view';
import { ParseUsccPipe } from './parse-uscc.pipe';
import { SubjectCreditService } from './subject-credit.service';
import { MAX_LISTED_ACTIVE_RECORDS, SubjectCreditView } from './dto/subject-credit.view';

@ApiTags('subjects')
@ApiBearerAuth()
@Controller('subjects')
export class SubjectsController {
  constructor(private readonly credit: SubjectCreditService) {}

  @Get(':uscc/credit')
  // "一处失信、处处受限": every department may look a subject up
  @RequireRoles(Roles.approvalOfficer, Roles.supervisionOfficer, Roles.inspector, Roles.creditOfficer, Roles.complaintHandler, Roles.auditor, Roles.system)
  @ApiOperation({
    summary: '信用查询: grade A–D, 联合惩戒 status and the active records of a subject',
    description: 'The 认定事由 (reason) of another department’s record is withheld (null) from staff outside the credit office, auditors and the 工改办.',
  })
  @ApiParam({ name: 'uscc', description: '统一社会信用代码', example: '91350100M000100Y43' })
  @ApiOkResponse({ type: SubjectCreditView })
  @ApiErrors([400, 'uscc is not a valid 统一社会信用代码'])
  async get(@CurrentUser() user: AuthUser, @Param('uscc', new ParseUsccPipe()) uscc: string): Promise<SubjectCreditView> {
    const { standing, activeRecords } = await this.credit.standing(uscc);
    return {
      ...standing,
      activeRecords: activeRecords.slice(0, MAX_LISTED_ACTIVE_RECORDS).map((r) => CreditRecordView.of(r, standing.asOf, user)),
      activeRecordsTruncated: activeRecords.length > MAX_LISTED_ACTIVE_RECORDS,
    };
  }
}
