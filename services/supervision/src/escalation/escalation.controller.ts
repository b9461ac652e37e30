import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@cityworks/contracts';
import { ApiErrors, RequireRoles } from '@cityworks/platform';
import { EscalationService, EscalationStepPageView } from './escalation.service';
import { ListEscalationStepsQuery } from './dto/list-escalation-steps.query';

@ApiTags('escalation')
@ApiBearerAuth()
@Controller('escalation-steps')
export class EscalationController {
  constructor(private readonly escalation: EscalationService) {}

  // the 工改办's ledger (auditors read it too): every department's rungs, for the monthly 通报
  @Get()
  @RequireRoles(Roles.reformOffice)
  @ApiOperation({ summary: 'Rungs of the escalation ladder fired (预警, 提醒函, 督办函, 通报), newest first; days are China days, both included' })
  @ApiOkResponse({ type: EscalationStepPageView })
  @ApiErrors(400)
  list(@Query() query: ListEscalationStepsQuery) {
    return this.escalation.list(query);
  }
}
