import { proxyActivities, RetryPolicy, workflowInfo } from '@temporalio/workflow';
import {
  ApplicationSample,
  ApprovalOversightActivities,
  oversightPeriodRange,
  OversightReportInput,
  OversightReportResult,
  previousOversightPeriod,
  SupervisionOversightActivities,
  TaskQueues,
} from '@cityworks/contracts';

const retry: RetryPolicy = {
  initialInterval: '1s',
  maximumInterval: '5m',
  nonRetryableErrorTypes: ['NotFound', 'InvalidInput', 'BadRequestException', 'RuleViolation'],
};

const approval = proxyActivities<ApprovalOversightActivities>({ taskQueue: TaskQueues.approval, startToCloseTimeout: '2m', retry });
const supervision = proxyActivities<SupervisionOversightActivities>({ taskQueue: TaskQueues.supervision, startToCloseTimeout: '5m', retry });

/**
 * The 工改办's monthly 通报 or quarterly 督查评分 for one period. A scheduled run has no period and
 * reports on the month or quarter before the one its workflow time falls in (China time); a manual
 * run names a past period. The figures come from each service's own records through activities;
 * supervision stores, scores, renders and announces the report, once per kind and period, so a
 * repeated run (a manual trigger beside the schedule, a retry) publishes nothing twice.
 * The sample seed comes from the workflow's own PRNG (recorded in history, so a replay draws the
 * same) and is stored with the report, so the draw can be re-run.
 */
export async function oversightReportWorkflow(input: OversightReportInput): Promise<OversightReportResult> {
  const kind = input.kind;
  const period = input.period ?? previousOversightPeriod(kind, new Date());
  const existing = await supervision.findOversightReport({ kind, period });
  if (existing) return { reportId: existing.reportId, kind, period, newlyPublished: false };

  const range = oversightPeriodRange(kind, period);
  const span = { from: range.from.toISOString(), to: range.to.toISOString() };
  const [applications, figures] = await Promise.all([approval.applicationFigures(span), supervision.supervisionFigures(span)]);
  let sample: ApplicationSample | null = null;
  if (kind === 'monthly' && input.sampleSize && input.sampleSize > 0) {
    const seed = Math.floor(Math.random() * 0x100000000) >>> 0;
    sample = await approval.sampleFinishedApplications({ ...span, seed, size: input.sampleSize });
  }
  return supervision.publishOversightReport({
    kind,
    period,
    ...span,
    workflowId: workflowInfo().workflowId,
    applications,
    supervision: figures,
    sample,
  });
}
