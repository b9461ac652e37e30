import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, Roles } from '@cityworks/contracts';
import { ApiErrors, CurrentUser, RequireRoles } from '@cityworks/platform';
import { CreditRecordsService } from './credit-records.service';
import { AddCreditRecordDto } from './dto/add-credit-record.dto';
import { ListCreditRecordsQuery } from './dto/list-credit-records.query';
import { CreditRecordPage, CreditRecordView } from './dto/credit-record.view';

@ApiTags('credit-records')
@ApiBearerAuth()
@Controller('credit-records')
export class CreditRecordsController {
  constructor(private readonly records: CreditRecordsService) {}

  @Post()
  @RequireRoles(Roles.creditOfficer, Roles.system)
  @ApiOperation({ summary: '认定: record a 守信 or 失信 fact about a subject; publishes credit.record-added.v1 with the resulting grade' })
  @ApiCreatedResponse({ type: CreditRecordView })
  @ApiErrors(400, [403, 'sourceDepartmentCode is not your department'], [409, 'a record with the same source (department, type, sourceRef) already exists'])
  add(@CurrentUser() user: AuthUser, @Body() body: AddCreditRecordDto): Promise<CreditRecordView> {
    return this.records.add(user, body);
  }

  @Get()
  @RequireRoles(Roles.creditOfficer, Roles.approvalOfficer, Roles.supervisionOfficer, Roles.auditor, Roles.system)
  @ApiOperation({
    summary: 'credit records, newest decision first, expired and repaired ones included',
    description: 'The 认定事由 (reason) of another department’s record is withheld (null) from staff outside the credit office, auditors and the 工改办.',
  })
  @ApiOkResponse({ type: CreditRecordPage })
  @ApiErrors(400)
  list(@CurrentUser() user: AuthUser, @Query() query: ListCreditRecordsQuery): Promise<CreditRecordPage> {
    return this.records.list(user, query);
  }
}
