import { ApplicationFailure } from '@temporalio/common';
import { WorkingDayCalendar } from '@cityworks/calendar';
import type {
  ApprovalItemSnapshot,
  CatalogActivities,
  DepartmentSnapshot,
  EscalationActivities,
  EscalationStepInput,
  IssueLetterInput,
  LetterOffice,
} from '@cityworks/contracts';

/**
 * Fakes of other services' activities for workflow tests on the time-skipping server. The
 * calendar ones use the real working-day calendar (chinese-days); supervision's keep its
 * claim-once rule. The services' own tests run the real ones.
 */
export const testLetterOffice: LetterOffice = {
  code: 'AS-TD-GGB-LETTERS',
  name: '铁东区工程建设项目审批制度改革领导小组办公室',
  shortName: '铁东工改办',
  departmentCode: 'AS-TD-GGB',
};

export function fakeCatalogActivities(
  item: Partial<ApprovalItemSnapshot> = {},
): Pick<CatalogActivities, 'subtractWorkingDays' | 'dueInstant' | 'letterOfficeFor' | 'getApprovalItem' | 'getDepartment'> & { calendar: WorkingDayCalendar } {
  const calendar = new WorkingDayCalendar();
  return {
    calendar,
    async subtractWorkingDays({ date, days }) {
      return calendar.subtractWorkingDays(date, days);
    },
    async dueInstant({ acceptedAt, limitDays }) {
      const due = calendar.dueInstant(new Date(acceptedAt), limitDays);
      return { dueAt: due.dueAt.toISOString(), dueDate: due.dueDate, provisional: due.provisional };
    },
    async letterOfficeFor({ regionCode }) {
      if (!regionCode.startsWith('2103')) throw ApplicationFailure.nonRetryable(`no letter office for ${regionCode}`, 'NotFound');
      return testLetterOffice;
    },
    async getDepartment({ code }) {
      if (code === 'AS-UNKNOWN') throw ApplicationFailure.nonRetryable(`no department ${code}`, 'NotFound');
      return { code, name: `${code} 测试部门`, regionCode: '210302', kind: '工改办' } as DepartmentSnapshot;
    },
    async getApprovalItem({ code, regionCode }) {
      return {
        code,
        regionCode,
        name: '建筑工程施工许可证核发',
        warningLeadWorkingDays: 2,
        reminderGraceWorkingDays: 5,
        escalationGraceWorkingDays: 5,
        ...item,
      } as ApprovalItemSnapshot;
    },
  };
}

export interface FakeEscalation extends EscalationActivities {
  letters: Map<string, { input: IssueLetterInput; number: string; calls: number }>;
  steps: Map<string, { input: EscalationStepInput; calls: number }>;
  /** departments whose letters fail, to show one department's failure holds up nobody else */
  failingDepartments: Set<string>;
}

export function fakeEscalationActivities(): FakeEscalation {
  const letters: FakeEscalation['letters'] = new Map();
  const steps: FakeEscalation['steps'] = new Map();
  const failingDepartments = new Set<string>();
  let numbers = 0;
  return {
    letters,
    steps,
    failingDepartments,
    async issueLetter(input) {
      if (failingDepartments.has(input.obligation.departmentCode)) throw new Error(`injected failure for ${input.obligation.departmentCode}`);
      const known = letters.get(input.claimKey);
      if (known) {
        known.calls++;
        return { letterId: input.claimKey, number: known.number, replyDueAt: known.input.replyDueAt, newlyIssued: false };
      }
      const number = `${input.office.shortName}${input.kind === '提醒函' ? '提' : '督'}〔2026〕${++numbers}号`;
      letters.set(input.claimKey, { input, number, calls: 1 });
      return { letterId: input.claimKey, number, replyDueAt: input.replyDueAt, newlyIssued: true };
    },
    async recordEscalationStep(input) {
      const known = steps.get(input.claimKey);
      if (known) {
        known.calls++;
        return { recorded: false };
      }
      steps.set(input.claimKey, { input, calls: 1 });
      return { recorded: true };
    },
  };
}
