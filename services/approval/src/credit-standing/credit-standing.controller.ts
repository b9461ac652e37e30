import { BadRequestException, Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Roles } from '@cityworks/contracts';
import { ApiErrors, RequireRoles, USCC_SCHEMA } from '@cityworks/platform';
import { UsccPipe } from '../commitment-eligibility/uscc.pipe';
import { CreditRestrictedAction, CreditRestrictedActions } from './domain/credit-standing';
import { CreditStandingService } from './credit-standing.service';
import { ActionStandingView, CreditStandingView } from './views/credit-standing.view';

@ApiTags('credit-standing')
@ApiBearerAuth()
@Controller('credit-standing')
export class CreditStandingController {
  constructor(private readonly standing: CreditStandingService) {}

  @Get(':uscc')
  @RequireRoles(Roles.approvalOfficer, Roles.supervisionOfficer, Roles.reformOffice)
  @ApiOperation({ summary: '信用查询: the grade of a subject and every approval action credit restricts it from now' })
  @ApiParam({ name: 'uscc', description: '统一社会信用代码', schema: { ...USCC_SCHEMA } })
  @ApiOkResponse({ type: CreditStandingView })
  @ApiErrors([400, 'uscc is not a valid 统一社会信用代码'])
  async of(@Param('uscc', new UsccPipe('uscc')) uscc: string): Promise<CreditStandingView> {
    return CreditStandingView.of(await this.standing.of(uscc));
  }

  @Get(':uscc/actions/:action')
  @RequireRoles(Roles.approvalOfficer, Roles.supervisionOfficer, Roles.reformOffice)
  @ApiOperation({ summary: 'whether credit restricts a subject from one approval action now (一处失信、处处受限)' })
  @ApiParam({ name: 'uscc', description: '统一社会信用代码', schema: { ...USCC_SCHEMA } })
  @ApiParam({ name: 'action', schema: { type: 'string', enum: [...CreditRestrictedActions] } })
  @ApiOkResponse({ type: ActionStandingView })
  @ApiErrors([400, 'uscc is not a valid 统一社会信用代码, or action is not one credit can restrict'])
  async action(@Param('uscc', new UsccPipe('uscc')) uscc: string, @Param('action') action: string): Promise<ActionStandingView> {
    if (!(CreditRestrictedActions as readonly string[]).includes(action))
      throw new BadRequestException(`action must be one of ${CreditRestrictedActions.join(', ')}`);
    const { actions } = await this.standing.of(uscc);
    return ActionStandingView.of(actions[CreditRestrictedActions.indexOf(action as CreditRestrictedAction)]);
  }
}
