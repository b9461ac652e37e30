import { randomBytes, randomUUID } from 'node:crypto';
import type { EscalationStepInput, IssueLetterInput, Obligation } from '@cityworks/contracts';

/**
 * Inputs of the escalation activities as the ladder sends them, with an office, departments and
 * obligations unique to one test file's run: number counters and claim keys never collide with
 * another file's, or an earlier run's, in the shared test database.
 */
export function escalationFixture() {
  const run = randomBytes(3).toString('hex').toUpperCase();
  const office = {
    code: `T${run}-GGB-LETTERS`,
    name: `测试${run}区工程建设项目审批制度改革领导小组办公室`,
    shortName: `测${run}工改办`,
    departmentCode: `T${run}-GGB`,
  };
  const departments = { approval: `T${run}-XZSPJ`, housing: `T${run}-ZJJ`, other: `T${run}-STHJJ` };

  const obligation = (overrides: Partial<Obligation> = {}): Obligation => ({
    kind: 'application',
    id: randomUUID(),
    departmentCode: departments.approval,
    regionCode: '210302',
    projectCode: `P-${run}`,
    itemCode: 'JS-SGXK-001',
    title: `项目 P-${run}「建筑工程施工许可证核发」办件`,
    demandedAction: '作出审批决定并办结',
    warningLeadWorkingDays: 2,
    reminderGraceWorkingDays: 3,
    escalationGraceWorkingDays: 5,
    ...overrides,
  });

  /** A letter due for a reply in ten days from now, on a deadline missed yesterday. */
  const letter = (overrides: Partial<IssueLetterInput> = {}): IssueLetterInput => {
    const o = overrides.obligation ?? obligation();
    return {
      claimKey: `${o.kind}-${o.id}:${overrides.kind ?? '提醒函'}`,
      kind: '提醒函',
      office,
      obligation: o,
      missedDueAt: new Date(Date.now() - 86_400_000).toISOString(),
      replyDueAt: new Date(Date.now() + 10 * 86_400_000).toISOString(),
      addresseeName: '测试区行政审批局',
      ...overrides,
    };
  };

  const step = (overrides: Partial<EscalationStepInput> = {}): EscalationStepInput => {
    const o = overrides.obligation ?? obligation();
    return {
      claimKey: `${o.kind}-${o.id}:${overrides.step ?? '预警'}`,
      step: '预警',
      obligation: o,
      dueAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      ...overrides,
    };
  };

  return { run, office, departments, obligation, letter, step };
}
