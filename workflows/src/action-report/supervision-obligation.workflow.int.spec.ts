import {
  actionReportWorkflowId,
  supervisionObligationMetSignal,
  supervisionObligationStateQuery,
  SupervisionObligationActivities,
  SupervisionObligationInput,
  supervisionObligationWorkflowType,
  TaskQueues,
} from '@cityworks/contracts';
import { startWorkflowHarness, WorkflowHarness } from '../testing/workflow-harness';
import { fakeCatalogActivities, fakeEscalationActivities } from '../testing/fake-activities';

jest.setTimeout(120_000);

/**
 * 监管行为 7 日内上传 and task feedback on Temporal's time-skipping server: the calendar is the real
 * working-day calendar, supervision's activities are faked (claim-once kept). The service's own
 * test runs the real activities.
 */
describe('supervisionObligationWorkflow (7 日内上传, task feedback)', () => {
  let harness: WorkflowHarness;
  const escalation = fakeEscalationActivities();
  const overdue: string[] = [];
  const metInRecord = new Set<string>();
  const obligationActivities: SupervisionObligationActivities = {
    async markSupervisionObligationOverdue({ id }) {
      const changed = !overdue.includes(id);
      if (changed) overdue.push(id);
      return { changed, met: metInRecord.has(id) };
    },
  };

  beforeAll(async () => {
    harness = await startWorkflowHarness({
      [TaskQueues.supervision]: { ...escalation, ...obligationActivities },
      [TaskQueues.catalog]: fakeCatalogActivities(),
    });
  });
  afterAll(() => harness?.stop());

  let n = 0;
  const start = async (dueInDays: number) => {
    const id = `act-${Date.now()}-${++n}`;
    const dueAt = new Date((await harness.serverNow()).getTime() + dueInDays * 86400_000).toISOString();
    const input: SupervisionObligationInput = {
      kind: 'action-report',
      id,
      departmentCode: 'AS-ZJJ',
      regionCode: '210302',
      itemCode: 'JG-JZSG-001',
      dueAt,
      title: '行政检查记录的上报',
      demandedAction: '在行政检查后 7 日内上报检查记录',
      warningLeadWorkingDays: 1,
      reminderGraceWorkingDays: 3,
      escalationGraceWorkingDays: 3,
    };
    const handle = await harness.env.client.workflow.start(supervisionObligationWorkflowType, {
      workflowId: actionReportWorkflowId(id),
      taskQueue: TaskQueues.workflows,
      args: [input],
    });
    return { id, dueAt, handle };
  };
  const rungsOf = (id: string) => [...escalation.steps.values(), ...escalation.letters.values()].filter((s) => s.input.obligation.id === id);

  it('ends quietly when the action is reported within its period', async () => {
    const { id, handle } = await start(7);
    await handle.signal(supervisionObligationMetSignal, { at: new Date().toISOString() });
    const state = await handle.result();
    expect(state).toMatchObject({ status: 'met', escalation: { rung: 'none', fired: [] } });
    expect(overdue).not.toContain(id);
    expect(rungsOf(id)).toEqual([]);
  });

  it('a report not made in 7 days marks the action overdue and escalates against the department: 预警, then 提醒函', async () => {
    const { id, dueAt, handle } = await start(7);
    await harness.sleepPast(dueAt, 1);
    await harness.until('the 提醒函', async () => {
      const s = await handle.query(supervisionObligationStateQuery);
      return s.escalation.rung === '提醒函' && s;
    });
    const state = await handle.query(supervisionObligationStateQuery);
    expect(state.status).toBe('overdue');
    expect(overdue.filter((o) => o === id)).toHaveLength(1);
    expect(state.escalation.fired.map((f) => f.rung)).toEqual(['预警', '提醒函']);
    const letter = [...escalation.letters.values()].find((l) => l.input.obligation.id === id);
    expect(letter?.input.obligation).toMatchObject({ kind: 'action-report', departmentCode: 'AS-ZJJ' });
    // the late report ends it; the ladder stops where it was
    await handle.signal(supervisionObligationMetSignal, { at: new Date().toISOString() });
    expect(await handle.result()).toMatchObject({ status: 'met' });
  });

  it('ends when the record shows the report whose signal was lost', async () => {
    const { id, dueAt, handle } = await start(2);
    metInRecord.add(id);
    await harness.sleepPast(dueAt, 1);
    expect(await handle.result()).toMatchObject({ status: 'met' });
    expect(overdue).toContain(id);
  });
});
