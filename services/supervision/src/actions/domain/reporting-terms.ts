import { addCalendarDays, chinaDateOf, endOfChinaDay, WorkingDayCalendar } from '@cityworks/calendar';

/**
 * The city's terms for supervision actions and the tasks from other sources. Zaozhuang asks for
 * actions to be uploaded "7 日内": by default **calendar** days after the action day (the day
 * itself not counted, the deadline the end of the 7th day in China time); a city that reads it
 * as working days sets `SUPERVISION_ACTION_REPORT_DAY_KIND=working`. Feedback periods of tasks
 * are working days. Read at start; a bad value stops the service with the setting's name.
 */
export interface SupervisionTerms {
  actionReportDays: number;
  actionReportDayKind: 'calendar' | 'working';
  /** 风险预警 feedback when the push names no deadline */
  riskWarningFeedbackWorkingDays: number;
  /** 专项检查 opened from an upheld complaint */
  targetedInspectionFeedbackWorkingDays: number;
  /** 告知其他机关: the competent department's feedback on a referred violation */
  referralFeedbackWorkingDays: number;
  /** the ladder for these obligations (no catalog item governs them) */
  warningLeadWorkingDays: number;
  reminderGraceWorkingDays: number;
  escalationGraceWorkingDays: number;
}

export const DEFAULT_SUPERVISION_TERMS: SupervisionTerms = {
  actionReportDays: 7,
  actionReportDayKind: 'calendar',
  riskWarningFeedbackWorkingDays: 10,
  targetedInspectionFeedbackWorkingDays: 15,
  referralFeedbackWorkingDays: 10,
  warningLeadWorkingDays: 1,
  reminderGraceWorkingDays: 3,
  escalationGraceWorkingDays: 3,
};

type NumericTerm = Exclude<keyof SupervisionTerms, 'actionReportDayKind'>;
const NUMERIC: { key: NumericTerm; env: string; min: number; max: number }[] = [
  { key: 'actionReportDays', env: 'SUPERVISION_ACTION_REPORT_DAYS', min: 1, max: 60 },
  { key: 'riskWarningFeedbackWorkingDays', env: 'SUPERVISION_RISK_WARNING_FEEDBACK_WORKING_DAYS', min: 1, max: 120 },
  { key: 'targetedInspectionFeedbackWorkingDays', env: 'SUPERVISION_TARGETED_INSPECTION_FEEDBACK_WORKING_DAYS', min: 1, max: 120 },
  { key: 'referralFeedbackWorkingDays', env: 'SUPERVISION_REFERRAL_FEEDBACK_WORKING_DAYS', min: 1, max: 120 },
  { key: 'warningLeadWorkingDays', env: 'SUPERVISION_OBLIGATION_WARNING_LEAD_WORKING_DAYS', min: 0, max: 30 },
  { key: 'reminderGraceWorkingDays', env: 'SUPERVISION_OBLIGATION_REMINDER_GRACE_WORKING_DAYS', min: 1, max: 60 },
  { key: 'escalationGraceWorkingDays', env: 'SUPERVISION_OBLIGATION_ESCALATION_GRACE_WORKING_DAYS', min: 1, max: 60 },
];

export function supervisionTermsFrom(env: NodeJS.ProcessEnv): SupervisionTerms {
  const terms = { ...DEFAULT_SUPERVISION_TERMS };
  for (const { key, env: name, min, max } of NUMERIC) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max)
      throw new Error(`${name} must be a whole number from ${min} to ${max}, not ${JSON.stringify(raw)}`);
    terms[key] = value;
  }
  const kind = env.SUPERVISION_ACTION_REPORT_DAY_KIND;
  if (kind !== undefined && kind !== '') {
    if (kind !== 'calendar' && kind !== 'working')
      throw new Error(`SUPERVISION_ACTION_REPORT_DAY_KIND must be calendar or working, not ${JSON.stringify(kind)}`);
    terms.actionReportDayKind = kind;
  }
  return terms;
}

/** When an action taken at `actedAt` must be reported by: the end of the last day of the period, China time. */
export function actionReportDueAt(terms: SupervisionTerms, calendar: WorkingDayCalendar, actedAt: Date): Date {
  if (terms.actionReportDayKind === 'working') return calendar.dueInstant(actedAt, terms.actionReportDays).dueAt;
  return endOfChinaDay(addCalendarDays(chinaDateOf(actedAt), terms.actionReportDays));
}
