import { Body, Controller, Inject, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@cityworks/contracts';
import { ApiErrors, RequireRoles, RuleViolation } from '@cityworks/platform';
import { InspectionTasksService } from '../targeted-inspections/inspection-tasks.service';
import { InspectionTaskView } from '../targeted-inspections/views/inspection-task.view';
import { SUPERVISION_TERMS } from '../actions/supervision-actions.service';
import type { SupervisionTerms } from '../actions/domain/reporting-terms';
import { RiskWarningPushDto } from './dto/risk-warning-push.dto';

const LEVEL_NAMES = { high: '高', medium: '中', low: '低' } as const;

/** 风险预警 from the national 互联网+监管 system (its bridge calls with a system token). */
@ApiTags('risk-warnings')
@ApiBearerAuth()
@Controller('risk-warnings')
export class RiskWarningsController {
  constructor(
    private readonly tasks: InspectionTasksService,
    @Inject(SUPERVISION_TERMS) private readonly terms: SupervisionTerms,
  ) {}

  @Post()
  @RequireRoles(Roles.system, Roles.reformOffice)
  @ApiOperation({
    summary: '风险预警 pushed: opens a task for the receiving department with a feedback deadline on the escalation ladder',
    description: 'Idempotent by externalId: the same push again answers 200 with the task the first made; another warning under the same id is refused (409).',
  })
  @ApiCreatedResponse({ type: InspectionTaskView, description: 'the task opened' })
  @ApiOkResponse({ type: InspectionTaskView, description: 'pushed before: the existing task' })
  @ApiErrors(400, [409, 'another warning was pushed under this externalId'], [422, 'feedbackDueAt is not after now'])
  async push(@Body() body: RiskWarningPushDto, @Res({ passthrough: true }) res: Response): Promise<InspectionTaskView> {
    const feedbackDueAt = body.feedbackDueAt ? new Date(body.feedbackDueAt) : null;
    if (feedbackDueAt && feedbackDueAt.getTime() <= Date.now()) throw new RuleViolation('feedbackDueAt must be in the future', 'rule');
    const { task, created } = await this.tasks.open(
      {
        source: 'risk-warning',
        sourceRef: body.externalId,
        departmentCode: body.receivingDepartmentCode,
        regionCode: body.regionCode,
        supervisionItemCode: body.supervisionItemCode ?? null,
        subjectUscc: body.subjectUscc ?? null,
        subjectName: body.subjectName?.trim() || null,
        projectCode: null,
        title: `风险预警（${LEVEL_NAMES[body.riskLevel]}）：${body.title.trim()}`,
        details: `${body.content.trim()}\n预警时间：${body.issuedAt}`,
        // the national system asked, whichever bridge account delivered it (a repeat by another must match)
        requestedBy: '国家互联网+监管系统',
        referringActionId: null,
      },
      feedbackDueAt ? { at: feedbackDueAt } : { workingDays: this.terms.riskWarningFeedbackWorkingDays },
    );
    res.status(created ? 201 : 200);
    return task;
  }
}
