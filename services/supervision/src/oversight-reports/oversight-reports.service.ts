import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { createHash } from 'node:crypto';
import {
  isOversightPeriod,
  OversightPeriodRange,
  OversightReportInput,
  OversightReportKind,
  OversightReportResult,
  oversightPeriodRange,
  oversightReportWorkflowId,
  oversightReportWorkflowType,
  PublishOversightReportInput,
  SupervisionFigures,
  TaskQueues,
  Topics,
} from '@cityworks/contracts';
import { stableUuid, UnitOfWork } from '@cityworks/messaging';
import { invalid, pageViewOf, RuleViolation } from '@cityworks/platform';
import { OversightReport } from './domain/oversight-report';
import { OversightFiguresRepository } from './persistence/oversight-figures.repository';
import { OversightReportsRepository, StoredReportDocument } from './persistence/oversight-reports.repository';
import { renderOversightReportPdf } from './pdf/oversight-report-pdf';
import { OversightConfig } from './oversight-config';
import { ListOversightReportsQuery, TriggerOversightReportDto } from './dto/oversight-report.dto';
import { OversightReportSummaryView, OversightReportTriggeredView, OversightReportView } from './views/oversight-report.view';

export const OVERSIGHT_REPORT = 'oversight-report';
export const OversightReportPageView = pageViewOf(OversightReportSummaryView);

const checkedRange = (input: OversightPeriodRange): { from: Date; to: Date } => {
  const from = new Date(input?.from);
  const to = new Date(input?.to);
  const problems = [];
  if (Number.isNaN(from.getTime())) problems.push({ field: 'from', rules: { isIso8601: 'from must be an ISO 8601 instant' } });
  if (Number.isNaN(to.getTime())) problems.push({ field: 'to', rules: { isIso8601: 'to must be an ISO 8601 instant' } });
  else if (!Number.isNaN(from.getTime()) && to <= from) problems.push({ field: 'to', rules: { isAfter: 'to must be after from' } });
  if (problems.length) throw invalid(problems);
  return { from, to };
};

/**
 * The 工改办's oversight reports: supervision's figures of a period (for the workflow), the
 * report stored once per kind and period with its PDF and announced (`report.published.v1`),
 * reading them, and the manual trigger for a past period.
 */
@Injectable()
export class OversightReportsService {
  private readonly logger = new Logger(OversightReportsService.name);

  constructor(
    private readonly uow: UnitOfWork,
    private readonly reports: OversightReportsRepository,
    private readonly figures: OversightFiguresRepository,
    private readonly config: OversightConfig,
  ) {}

  async supervisionFigures(input: OversightPeriodRange): Promise<SupervisionFigures> {
    const { from, to } = checkedRange(input);
    const asOf = new Date();
    return { asOf: asOf.toISOString(), departments: await this.figures.byDepartment(from, to, asOf) };
  }

  async findByPeriod(input: { kind: OversightReportKind; period: string }): Promise<{ reportId: string } | null> {
    const report = await this.reports.findByPeriod(input.kind, input.period);
    return report ? { reportId: report.snapshot.id } : null;
  }

  /**
   * Stores the report once per kind and period (a later call returns the first report and
   * publishes nothing), with its PDF rendered before the transaction (CPU, not a held
   * connection), and announces it in the same transaction.
   */
  async publish(input: PublishOversightReportInput): Promise<OversightReportResult> {
    const { kind, period } = input;
    const { from, to } = checkedRange(input);
    const existing = await this.reports.findByPeriod(kind, period);
    if (existing) return { reportId: existing.snapshot.id, kind, period, newlyPublished: false };
    const report = OversightReport.compose({
      id: stableUuid(OVERSIGHT_REPORT, `${kind}:${period}`),
      kind,
      period,
      from,
      to,
      workflowId: input.workflowId,
      applications: input.applications,
      supervision: input.supervision,
      sample: input.sample,
      weights: this.config.weights,
      generatedAt: new Date(),
    });
    const pdf = await renderOversightReportPdf(report.snapshot);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    return this.uow.run(async (change) => {
      if (!(await this.reports.claim(change.manager, report, pdf, sha256))) {
        const first = await this.reports.findByPeriod(kind, period);
        return { reportId: first!.snapshot.id, kind, period, newlyPublished: false };
      }
      change.record({ type: OVERSIGHT_REPORT, id: report.snapshot.id }, report.published(sha256), Topics.escalation);
      this.logger.log(`published the ${kind} oversight report ${period} (${report.snapshot.departments.length} departments)`);
      return { reportId: report.snapshot.id, kind, period, newlyPublished: true };
    });
  }

  async list(query: ListOversightReportsQuery) {
    const { items, total } = await this.reports.page({ kind: query.kind, period: query.period }, query.page, query.pageSize);
    return { items: items.map(OversightReportSummaryView.of), total, page: query.page, pageSize: query.pageSize };
  }

  async get(id: string): Promise<OversightReportView> {
    const report = await this.reports.find(id);
    if (!report) throw new NotFoundException(`oversight report ${id} not found`);
    return OversightReportView.ofReport(report);
  }

  async document(id: string): Promise<StoredReportDocument> {
    const document = await this.reports.document(id);
    if (!document) throw new NotFoundException(`oversight report ${id} not found`);
    return document;
  }

  /**
   * 手动生成 a past period's report: a workflow start with the stable id
   * `oversight-report-<kind>-<period>`, through the workflow outbox with its audit line. A repeat
   * stores no second command (one start per workflow id) and the workflow finds the report.
   */
  async trigger(body: TriggerOversightReportDto, now = new Date()): Promise<OversightReportTriggeredView> {
    const { kind, period } = body;
    if (!isOversightPeriod(kind, period))
      throw new RuleViolation(
        `period ${period} is not a ${kind === 'monthly' ? 'month (YYYY-MM) for a monthly report' : 'quarter (YYYY-Qn) for a quarterly report'}`,
        'rule',
      );
    const { to } = oversightPeriodRange(kind, period);
    if (to > now) throw new RuleViolation(`period ${period} has not ended yet (it ends ${to.toISOString()}); a report covers a past period`, 'rule');
    const workflowId = oversightReportWorkflowId(kind, period);
    const existing = await this.reports.findByPeriod(kind, period);
    const input: OversightReportInput = kind === 'monthly' ? { kind, period, sampleSize: this.config.sampleSize || undefined } : { kind, period };
    await this.uow.run(async (change) => {
      change.audit({ action: 'oversight-report.requested', resourceType: OVERSIGHT_REPORT, resourceId: workflowId, before: null, after: { kind, period } });
      change.command({
        kind: 'start',
        workflowId,
        workflowType: oversightReportWorkflowType,
        taskQueue: TaskQueues.workflows,
        args: [input],
        searchAttributes: [],
      });
    });
    return Object.assign(new OversightReportTriggeredView(), { kind, period, workflowId, reportId: existing?.snapshot.id ?? null });
  }
}
