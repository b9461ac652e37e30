import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, Roles } from '@cityworks/contracts';
import { ApiErrors, CurrentUser, RequireRoles } from '@cityworks/platform';
import { CreditRepairsService } from './credit-repairs.service';
import { ApplyForRepairDto } from './dto/apply-for-repair.dto';
import { DecideRepairDto } from './dto/decide-repair.dto';
import { ListCreditRepairsQuery } from './dto/list-credit-repairs.query';
import { CreditRepairPage, CreditRepairView } from './dto/credit-repair.view';

@ApiTags('credit-repairs')
@ApiBearerAuth()
@Controller('credit-records')
export class CreditRecordRepairsController {
  constructor(private readonly repairs: CreditRepairsService) {}

  @Post(':id/repairs')
  @RequireRoles(Roles.creditOfficer, Roles.system)
  @ApiOperation({
    summary: '信用修复申请: file a repair of a 失信 record for its subject, with the correction and evidence by reference',
    description:
      'The department that decided the record files it (谁认定、谁修复). Allowed once the minimum period after decidedOn has run (CREDIT_REPAIR_MIN_MONTHS_MINOR/_SERIOUS/_SEVERE, default 3/6/12 months).',
  })
  @ApiCreatedResponse({ type: CreditRepairView })
  @ApiErrors(
    400,
    [403, 'the record was decided by another department'],
    404,
    [409, 'the record already has a pending repair application'],
    [422, 'the record is 守信, already repaired, expired, or still inside its minimum period; or the correction, applicant or evidence is blank'],
  )
  apply(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: ApplyForRepairDto): Promise<CreditRepairView> {
    return this.repairs.apply(user, id, body);
  }
}

@ApiTags('credit-repairs')
@ApiBearerAuth()
@Controller('credit-repairs')
export class CreditRepairsController {
  constructor(private readonly repairs: CreditRepairsService) {}

  @Get()
  @RequireRoles(Roles.creditOfficer, Roles.auditor, Roles.system)
  @ApiOperation({ summary: 'repair applications, newest first; a credit office sees its own department’s' })
  @ApiOkResponse({ type: CreditRepairPage })
  @ApiErrors(400)
  list(@CurrentUser() user: AuthUser, @Query() query: ListCreditRepairsQuery): Promise<CreditRepairPage> {
    return this.repairs.list(user, query);
  }

  @Get(':id')
  @RequireRoles(Roles.creditOfficer, Roles.auditor, Roles.system)
  @ApiOperation({ summary: 'one repair application and its decision' })
  @ApiOkResponse({ type: CreditRepairView })
  @ApiErrors(404)
  get(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<CreditRepairView> {
    return this.repairs.get(user, id);
  }

  @Post(':id/decision')
  @RequireRoles(Roles.creditOfficer, Roles.system)
  @HttpCode(200)
  @ApiOperation({
    summary: 'approve or refuse a repair, once',
    description:
      'approved: the record is repaired (no longer published or counted), the subject is graded again (credit.grade-changed.v1 when the grade moves) and credit.record-repaired.v1 is published; refused: nothing else changes.',
  })
  @ApiOkResponse({ type: CreditRepairView })
  @ApiErrors(400, [403, 'the record was decided by another department'], 404, [409, 'the repair is already decided'], [422, 'the reason is blank'])
  decide(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: DecideRepairDto): Promise<CreditRepairView> {
    return this.repairs.decide(user, id, body);
  }
}
