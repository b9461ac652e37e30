import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, getSchemaPath, ApiExtraModels } from '@nestjs/swagger';
import { AuthUser, Roles } from '@cityworks/contracts';
import { ApiErrors, CurrentUser, RequireRoles } from '@cityworks/platform';
import { SupervisionActionsService } from './supervision-actions.service';
import { CheckResultDto, RecordCheckDto } from './dto/record-check.dto';
import { RecordEnforcementDto, RecordPenaltyDto } from './dto/record-penalty.dto';
import { ListActionsQuery } from './dto/list-actions.query';
import { SupervisionActionPageView, SupervisionActionView } from './views/supervision-action.view';
import { ActionsExportService, ActionsExportView } from './export/actions-export.service';
import { ExportActionsQuery } from './export/export-actions.query';

@ApiTags('supervision-actions')
@ApiBearerAuth()
@ApiExtraModels(ActionsExportView)
@Controller('supervision-actions')
export class SupervisionActionsController {
  constructor(
    private readonly actions: SupervisionActionsService,
    private readonly exports: ActionsExportService,
  ) {}

  @Post('checks')
  @RequireRoles(Roles.supervisionOfficer, Roles.inspector)
  @ApiOperation({
    summary: '行政检查 recorded by your department',
    description:
      'With `result` the check is reported at once (supervision.check-recorded.v1); without, it is registered and must be reported by POST /supervision-actions/{id}/report within the reporting period (7 日内上传), or the escalation ladder starts against your department.',
  })
  @ApiCreatedResponse({ type: SupervisionActionView })
  @ApiErrors(
    400,
    [403, 'the token names no department'],
    [422, 'a check time in the future, an inspector listed twice, findings missing for a result other than no-problem'],
  )
  recordCheck(@CurrentUser() user: AuthUser, @Body() body: RecordCheckDto): Promise<SupervisionActionView> {
    return this.actions.recordCheck(user, body);
  }

  @Post(':id/report')
  @RequireRoles(Roles.supervisionOfficer, Roles.inspector)
  @HttpCode(200)
  @ApiOperation({ summary: '检查结果上报: completes a registered check; late when after its reporting deadline' })
  @ApiOkResponse({ type: SupervisionActionView })
  @ApiErrors(
    400,
    [403, 'not the department that made the check'],
    404,
    [409, 'already reported, or not a check'],
    [422, 'findings missing for a result other than no-problem'],
  )
  report(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: CheckResultDto): Promise<SupervisionActionView> {
    return this.actions.reportCheck(user, id, body);
  }

  @Post('penalties')
  @RequireRoles(Roles.supervisionOfficer)
  @ApiOperation({ summary: '行政处罚决定 recorded and reported by your department; credit records it (supervision.penalty-decided.v1)' })
  @ApiCreatedResponse({ type: SupervisionActionView })
  @ApiErrors(
    400,
    [403, 'the token names no department'],
    [409, 'the document number is already recorded'],
    [422, 'a decision day not real or in the future, validUntil before it, a category twice, a fine without 罚款 or 罚款 without a fine'],
  )
  recordPenalty(@CurrentUser() user: AuthUser, @Body() body: RecordPenaltyDto): Promise<SupervisionActionView> {
    return this.actions.recordPenalty(user, body);
  }

  @Post('enforcements')
  @RequireRoles(Roles.supervisionOfficer)
  @ApiOperation({ summary: '行政强制 recorded and reported by your department' })
  @ApiCreatedResponse({ type: SupervisionActionView })
  @ApiErrors(
    400,
    [403, 'the token names no department'],
    [409, 'the document number is already recorded'],
    [422, 'a decision day not real or in the future, or endsOn before it'],
  )
  recordEnforcement(@CurrentUser() user: AuthUser, @Body() body: RecordEnforcementDto): Promise<SupervisionActionView> {
    return this.actions.recordEnforcement(user, body);
  }

  @Get()
  @RequireRoles(Roles.supervisionOfficer, Roles.inspector)
  @ApiOperation({ summary: '监管行为 of your department, newest action first' })
  @ApiOkResponse({ type: SupervisionActionPageView })
  @ApiErrors(400)
  list(@CurrentUser() user: AuthUser, @Query() query: ListActionsQuery): Promise<SupervisionActionPageView> {
    return this.actions.list(user, query);
  }

  // before :id, which would take "export" for an id
  @Get('export')
  @RequireRoles(Roles.supervisionOfficer, Roles.inspector)
  @ApiOperation({
    summary: '监管行为 of a period in the national 互联网+监管 exchange shape, as JSON or CSV',
    description: 'Reported actions whose action time falls in the period (China days, both included), your department’s; field mapping in the service README.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    content: {
      'application/json': { schema: { $ref: getSchemaPath(ActionsExportView) } },
      'text/csv': { schema: { type: 'string' } },
    },
  })
  @ApiErrors(400, [422, 'a record of the period breaks the exchange’s field rules'])
  async export(@CurrentUser() user: AuthUser, @Query() query: ExportActionsQuery, @Res({ passthrough: true }) res: Response) {
    const file = await this.exports.export(user, query);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
    return file.body;
  }

  @Get(':id')
  @RequireRoles(Roles.supervisionOfficer, Roles.inspector)
  @ApiOkResponse({ type: SupervisionActionView })
  @ApiErrors(404)
  get(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<SupervisionActionView> {
    return this.actions.get(user, id);
  }
}
