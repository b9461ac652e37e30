import { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  ApprovalActivities,
  BrokenCommitmentRevocation,
  CommitmentCheckNotice,
  commitmentCheckedSignal,
  commitmentDeadlineMovedSignal,
  commitmentReviewAnsweredSignal,
  commitmentStateQuery,
  CommitmentEligibilityCancellation,
  CommitmentWorkflowInput,
  commitmentWorkflowType,
  TaskQueues,
} from '@cityworks/contracts';
import { startWorkflowHarness, WorkflowHarness } from '../testing/workflow-harness';
import { fakeCatalogActivities, fakeEscalationActivities } from '../testing/fake-activities';

jest.setTimeout(120_000);

/**
 * 告知承诺核查 on Temporal's time-skipping server: the calendar is the real working-day calendar
 * (chinese-days); approval and supervision are faked (supervision's claim-once rule kept). The
 * end-to-end test runs the real services.
 */
describe('commitmentWorkflow (告知承诺核查)', () => {
  let harness: WorkflowHarness;
  let env: TestWorkflowEnvironment;
  const escalationActivities = fakeEscalationActivities();
  const { letters, steps } = escalationActivities;
  const catalogActivities = fakeCatalogActivities({ warningLeadWorkingDays: 2, reminderGraceWorkingDays: 5, escalationGraceWorkingDays: 5 });
  const calendar = catalogActivities.calendar;
  const revocations: BrokenCommitmentRevocation[] = [];
  const cancellations: CommitmentEligibilityCancellation[] = [];
  const approvalActivities: Pick<ApprovalActivities, 'revokeForBrokenCommitment' | 'cancelCommitmentEligibility'> = {
    async revokeForBrokenCommitment(input) {
      const revoked = !revocations.some((r) => r.applicationId === input.applicationId);
      if (revoked) revocations.push(input);
      return { revoked, status: 'revoked' };
    },
    async cancelCommitmentEligibility(input) {
      const cancelled = !cancellations.some((c) => c.commitmentId === input.commitmentId);
      if (cancelled) cancellations.push(input);
      return { cancelled };
    },
  };

  beforeAll(async () => {
    harness = await startWorkflowHarness({
      [TaskQueues.approval]: approvalActivities,
      [TaskQueues.supervision]: escalationActivities,
      [TaskQueues.catalog]: catalogActivities,
    });
    env = harness.env;
  });
  afterAll(() => harness?.stop());

  const serverNow = () => harness.serverNow();
  const sleepPast = (instant: string, days: number) => harness.sleepPast(instant, days);
  const until = <T>(what: string, probe: () => Promise<T | undefined | null | false>) => harness.until(what, probe);
  let n = 0;

  /** A decision on commitment, verification due in `days` working days. */
  async function approvedOnCommitment(days = 10) {
    const applicationId = `commitment-${Date.now().toString(36)}-${++n}`;
    const input: CommitmentWorkflowInput = {
      commitmentId: `c-${applicationId}`,
      applicationId,
      projectCode: 'P-COMMIT',
      itemCode: 'JS-SGXK-001',
      supervisingDepartmentCode: 'AS-TX-ZJJ',
      approvingDepartmentCode: 'AS-TX-XZSPJ',
      regionCode: '210303',
      ownerUscc: '91350100M000100Y43',
      dueAt: calendar.dueInstant(await serverNow(), days).dueAt.toISOString(),
    };
    const handle = await env.client.workflow.start(commitmentWorkflowType, {
      workflowId: `commitment-${applicationId}`,
      taskQueue: TaskQueues.workflows,
      args: [input],
    });
    return { handle, input };
  }
  const check = async (c: Awaited<ReturnType<typeof approvedOnCommitment>>, notice: Omit<CommitmentCheckNotice, 'recordedAt' | 'findings'>) => {
    const recordedAt = (await serverNow()).toISOString();
    await c.handle.signal(commitmentCheckedSignal, { ...notice, recordedAt, findings: '现场核查结果' });
    return recordedAt;
  };
  const lettersOf = (id: string) => [...letters.entries()].filter(([k]) => k.includes(id));

  it('verified in time: kept (守信), no warning, no letter', async () => {
    const c = await approvedOnCommitment();
    await env.sleep('2 days');
    await check(c, { outcome: 'fulfilled' });
    const result = await c.handle.result();
    expect(result).toMatchObject({ status: 'fulfilled', revoked: false, eligibilityCancelled: false, dueAt: null });
    expect(result.escalation.verification).toEqual({ rung: 'none', fired: [] });
    expect(lettersOf(c.input.commitmentId)).toEqual([]);
    expect([...steps.keys()].filter((k) => k.includes(c.input.commitmentId))).toEqual([]);
  });

  it('not verified: the ladder runs against the supervising department — 预警, 提醒函, then 督办函 with consecutive numbers', async () => {
    const c = await approvedOnCommitment(5);
    await sleepPast(c.input.dueAt, 45);
    const fired = await until('the verification ladder to reach 通报', async () => {
      const f = (await c.handle.query(commitmentStateQuery)).escalation.verification.fired;
      return f.length === 4 ? f : undefined;
    });
    expect(fired.map((f) => f.rung)).toEqual(['预警', '提醒函', '督办函', '通报']);
    const mine = lettersOf(c.input.commitmentId);
    expect(mine.map(([, v]) => [v.input.kind, v.input.obligation.kind, v.input.obligation.departmentCode, v.calls])).toEqual([
      ['提醒函', 'commitment-verification', 'AS-TX-ZJJ', 1],
      ['督办函', 'commitment-verification', 'AS-TX-ZJJ', 1],
    ]);
    expect(mine[0][1].input.obligation.title).toBe('项目P-COMMIT「建筑工程施工许可证核发」审批的告知承诺核查');
    const [first, second] = mine.map(([, v]) => Number(/〔2026〕(\d+)号/.exec(v.number)![1]));
    expect(second).toBe(first + 1);
    const described = await c.handle.describe();
    expect(described.searchAttributes.Overdue).toEqual([true]);
    expect(described.searchAttributes.EscalationRung).toEqual(['通报']);
    // a late verification still closes it
    await check(c, { outcome: 'fulfilled' });
    expect((await c.handle.result()).status).toBe('fulfilled');
  });

  it('minor breach: a rectification order, and the re-check (复查) has its own deadline and ladder', async () => {
    const c = await approvedOnCommitment();
    await env.sleep('1 day');
    const recheckDueAt = calendar.dueInstant(await serverNow(), 15).dueAt.toISOString();
    await check(c, { outcome: 'minor-breach', recheckDueAt });
    await until('the re-check to be awaited', async () => {
      const s = await c.handle.query(commitmentStateQuery);
      return s.status === 'rectifying' && s.dueAt === recheckDueAt;
    });
    await sleepPast(recheckDueAt, 1);
    const reminder = await until('the re-check 提醒函', async () =>
      (await c.handle.query(commitmentStateQuery)).escalation['recheck-1']?.fired.find((f) => f.rung === '提醒函'),
    );
    expect(reminder.dueAt).toBe(recheckDueAt);
    expect(lettersOf(`${c.input.commitmentId}:recheck-1`).map(([, v]) => v.input.obligation.title)).toEqual([
      '项目P-COMMIT「建筑工程施工许可证核发」审批的告知承诺整改复查',
    ]);
    await check(c, { outcome: 'fulfilled' });
    const result = await c.handle.result();
    expect(result.status).toBe('fulfilled');
    expect(result.checks.map((x: CommitmentCheckNotice) => x.outcome)).toEqual(['minor-breach', 'fulfilled']);
    expect(revocations.some((r) => r.applicationId === c.input.applicationId)).toBe(false);
  });

  it('serious breach: the approval is revoked, eligibility cancelled, and the 复核 request has its own ladder against the approving department', async () => {
    const c = await approvedOnCommitment();
    await env.sleep('3 days');
    const now = await serverNow();
    const reviewReplyDueAt = calendar.dueInstant(now, 10).dueAt.toISOString();
    const ineligibleUntil = new Date(now.getTime() + 365 * 86400_000).toISOString();
    await check(c, { outcome: 'false-commitment', ineligibleUntil, reviewReplyDueAt });
    await until('the 复核 to be awaited', async () => (await c.handle.query(commitmentStateQuery)).status === 'awaiting-review');
    expect(revocations.filter((r) => r.applicationId === c.input.applicationId)).toEqual([
      { applicationId: c.input.applicationId, commitmentId: c.input.commitmentId, findings: '现场核查结果' },
    ]);
    expect(cancellations.filter((x) => x.commitmentId === c.input.commitmentId)).toEqual([
      {
        ownerUscc: c.input.ownerUscc,
        commitmentId: c.input.commitmentId,
        applicationId: c.input.applicationId,
        until: ineligibleUntil,
        reason: '告知承诺核查不实：现场核查结果',
      },
    ]);
    await sleepPast(reviewReplyDueAt, 1);
    const reminder = await until('the 复核 提醒函', async () =>
      (await c.handle.query(commitmentStateQuery)).escalation.review?.fired.find((f) => f.rung === '提醒函'),
    );
    expect(reminder.dueAt).toBe(reviewReplyDueAt);
    const [[, letter]] = [...letters.entries()].filter(([k]) => k.startsWith(`commitment-review:${c.input.commitmentId}:`));
    expect(letter.input.obligation).toMatchObject({ kind: 'commitment-review', departmentCode: 'AS-TX-XZSPJ' });
    await c.handle.signal(commitmentReviewAnsweredSignal, { answeredAt: (await serverNow()).toISOString() });
    const result = await c.handle.result();
    expect(result).toMatchObject({ status: 'closed-breached', revoked: true, eligibilityCancelled: true });
  });

  it('a verification deadline moved by the official holiday arrangement moves the wait and the ladder', async () => {
    const c = await approvedOnCommitment(5);
    const moved = calendar.dueInstant(new Date(c.input.dueAt), 5).dueAt.toISOString();
    await c.handle.signal(commitmentDeadlineMovedSignal, { dueAt: moved, reason: 'holiday arrangement for 2027 changed' });
    await until('the moved deadline', async () => (await c.handle.query(commitmentStateQuery)).dueAt === moved);
    await sleepPast(c.input.dueAt, 1);
    const early = await c.handle.query(commitmentStateQuery);
    expect(early.escalation.verification.fired.filter((f) => f.rung === '提醒函')).toEqual([]);
    expect((await c.handle.describe()).searchAttributes.Overdue).toEqual([false]);
    await sleepPast(moved, 1);
    const reminder = await until('the 提醒函 on the moved deadline', async () =>
      (await c.handle.query(commitmentStateQuery)).escalation.verification.fired.find((f) => f.rung === '提醒函'),
    );
    expect(reminder.dueAt).toBe(moved);
    await check(c, { outcome: 'fulfilled' });
    expect((await c.handle.result()).status).toBe('fulfilled');
  });
});
