// The parts of the services' views the console reads (their OpenAPI documents are the contract).

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** approval GET /applications/timing-report: one department's row */
export interface TimingReportDepartment {
  departmentCode: string;
  accepted: number;
  decided: number;
  withinLimitShare: number | null;
  overdueOpen: number;
  illegalClockStopAttempts: number;
}

/** approval GET /applications: the fields the console uses */
export interface ApplicationSummary {
  id: string;
  projectCode: string;
  itemCode: string;
  departmentCode: string;
  status: 'accepted' | 'approved' | 'rejected' | 'revoked';
  acceptedAt: string;
  decidedAt: string | null;
  illegalClockStopAttempts: number;
  terms: { stage: string | null; timeLimitWorkingDays: number };
  clockStops: { reason: string; note: string | null; from: string; to: string | null }[];
  timing: {
    timeLimitWorkingDays: number;
    usedWorkingDays: number;
    suspendedWorkingDays: number;
    remainingWorkingDays: number;
    dueAt: string;
    clockStopped: boolean;
    overdue: boolean;
    decidedWithinLimit: boolean | null;
  };
}

/** approval GET /projects */
export interface ProjectSummary {
  code: string;
  name: string;
  type: string;
  regionCode: string;
  ownerUscc: string;
  status: string;
  stage: string;
  registeredAt: string;
}

/** supervision GET /letters */
export interface LetterSummary {
  id: string;
  number: string;
  kind: '提醒函' | '督办函';
  status: string;
  addressee: { departmentCode: string; name: string };
  obligation: { kind: string; id: string; title: string; projectCode: string | null; itemCode: string | null; regionCode: string };
  missedDueAt: string;
  replyDueAt: string;
  issuedAt: string;
  repliedAt: string | null;
  late: boolean;
}

/** supervision GET /escalation-steps */
export interface EscalationStepSummary {
  id: string;
  step: '预警' | '提醒函' | '督办函' | '通报';
  obligation: { kind: string; id: string; title: string; projectCode: string | null; itemCode: string | null; regionCode: string };
  departmentCode: string;
  dueAt: string;
  letterId: string | null;
  firedAt: string;
}
