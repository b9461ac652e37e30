import { Injectable } from '@nestjs/common';
import type {
  CampaignActivities,
  CampaignDrawSummary,
  EscalationActivities,
  EscalationStepInput,
  IssuedLetter,
  IssueLetterInput,
  OversightPeriodRange,
  OversightReportKind,
  OversightReportResult,
  PublishOversightReportInput,
  SupervisionActivities,
  SupervisionFigures,
  SupervisionObligationActivities,
  SupervisionObligationKind,
  SupervisionOversightActivities,
} from '@cityworks/contracts';
import { SupervisionTasksService } from '../supervision-tasks/supervision-tasks.service';
import { LettersService } from '../letters/letters.service';
import { EscalationService } from '../escalation/escalation.service';
import { OversightReportsService } from '../oversight-reports/oversight-reports.service';
import { CampaignsService } from '../campaigns/campaigns.service';
import { SupervisionActionsService } from '../actions/supervision-actions.service';
import { InspectionTasksService } from '../targeted-inspections/inspection-tasks.service';

/**
 * Activities on task queue `supervision`; each touches only this service's data. One worker
 * serves one class, so this one serves both contracts: the supervision task's and the
 * escalation ladder's (letters and the ledger of rungs).
 */
@Injectable()
export class SupervisionActivitiesImpl
  implements SupervisionActivities, EscalationActivities, SupervisionOversightActivities, CampaignActivities, SupervisionObligationActivities
{
  constructor(
    private readonly tasks: SupervisionTasksService,
    private readonly letters: LettersService,
    private readonly escalation: EscalationService,
    private readonly oversight: OversightReportsService,
    private readonly campaigns: CampaignsService,
    private readonly actions: SupervisionActionsService,
    private readonly inspections: InspectionTasksService,
  ) {}

  markSupervisionTaskOverdue({ taskId }: { taskId: string }) {
    return this.tasks.markOverdue(taskId);
  }

  /** an action's reporting period or a task's feedback deadline ran out (supervisionObligationWorkflow) */
  markSupervisionObligationOverdue({ kind, id }: { kind: SupervisionObligationKind; id: string }): Promise<{ changed: boolean; met: boolean }> {
    return kind === 'action-report' ? this.actions.markReportOverdue(id) : this.inspections.markOverdue(id);
  }

  issueLetter(input: IssueLetterInput): Promise<IssuedLetter> {
    return this.letters.issue(input);
  }

  recordEscalationStep(input: EscalationStepInput): Promise<{ recorded: boolean }> {
    return this.escalation.record(input);
  }

  /** the oversight reports: supervision's figures of a period per department */
  supervisionFigures(input: OversightPeriodRange): Promise<SupervisionFigures> {
    return this.oversight.supervisionFigures(input);
  }

  findOversightReport(input: { kind: OversightReportKind; period: string }): Promise<{ reportId: string } | null> {
    return this.oversight.findByPeriod(input);
  }

  /** stored once per kind and period, rendered, announced (report.published.v1) */
  publishOversightReport(input: PublishOversightReportInput): Promise<OversightReportResult> {
    return this.oversight.publish(input);
  }

  /** 双随机: the campaign's draw with its committed seed, checks assigned, deadlines computed; idempotent */
  drawCampaign({ campaignId }: { campaignId: string }): Promise<CampaignDrawSummary> {
    return this.campaigns.draw(campaignId);
  }
}
