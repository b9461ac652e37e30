import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { Client, ScheduleDescription } from '@temporalio/client';
import { oversightReportScheduleId, oversightReportWorkflowType, TaskQueues } from '@cityworks/contracts';
import { TEMPORAL_CLIENT } from '@cityworks/temporal';
import { isolateKafkaConsumers, reformOffice, startServiceApp, waitFor } from '@cityworks/testing';
import { AppModule } from '../app.module';
import { OversightSchedules } from './oversight-schedules';

/**
 * The oversight reports' Temporal Schedules against the real dev server (the time-skipping
 * test server has no schedules): created by the service when it starts, and created once
 * however often it is asked.
 */
describe('oversight report schedules (Temporal dev server)', () => {
  let app: INestApplication;
  let temporal: Client;
  const prefix = `test-${process.pid}-${Date.now().toString(36)}-`;
  const quiet = ['TEMPORAL_WORKER_ENABLED', 'EVENT_CONSUMER_ENABLED', 'OUTBOX_RELAY_ENABLED', 'WORKFLOW_COMMAND_RELAY_ENABLED'];

  beforeAll(async () => {
    isolateKafkaConsumers();
    for (const name of quiet) process.env[name] = 'false';
    app = await startServiceApp(AppModule);
    temporal = app.get<Client>(TEMPORAL_CLIENT);
  });

  afterAll(async () => {
    for (const kind of ['monthly', 'quarterly'] as const)
      await temporal?.schedule
        .getHandle(`${prefix}${oversightReportScheduleId(kind)}`)
        .delete()
        .catch(() => undefined);
    for (const name of quiet) delete process.env[name];
    await app?.close();
  });

  const listed = async (id: string) => {
    const ids: string[] = [];
    for await (const schedule of temporal.schedule.list({ pageSize: 1000 })) if (schedule.scheduleId === id) ids.push(schedule.scheduleId);
    return ids;
  };

  function expectMonthly(description: ScheduleDescription) {
    expect(description.spec.timezone).toBe('Asia/Shanghai');
    expect(description.spec.calendars).toHaveLength(1);
    expect(description.spec.calendars![0]).toMatchObject({
      dayOfMonth: [{ start: 1, end: 1, step: 1 }],
      hour: [{ start: 2, end: 2, step: 1 }],
      minute: [{ start: 0, end: 0, step: 1 }],
    });
    expect(description.action).toMatchObject({ type: 'startWorkflow', workflowType: oversightReportWorkflowType, taskQueue: TaskQueues.workflows });
    expect(description.action.type === 'startWorkflow' && description.action.args).toEqual([{ kind: 'monthly', sampleSize: 10 }]);
  }

  it('are created by the service at start, in China time, visible under their ids', async () => {
    const monthly = await waitFor('the service to create the monthly schedule', () =>
      temporal.schedule
        .getHandle(oversightReportScheduleId('monthly'))
        .describe()
        .catch(() => undefined),
    );
    expectMonthly(monthly);
    await waitFor('the service to note both schedules exist', async () => app.get(OversightSchedules).ensured);
    const quarterly = await temporal.schedule.getHandle(oversightReportScheduleId('quarterly')).describe();
    expect(quarterly.spec.timezone).toBe('Asia/Shanghai');
    expect(quarterly.spec.calendars![0]).toMatchObject({
      month: ['JANUARY', 'APRIL', 'JULY', 'OCTOBER'].map((month) => ({ start: month, end: month, step: 1 })),
      dayOfMonth: [{ start: 1, end: 1, step: 1 }],
      hour: [{ start: 3, end: 3, step: 1 }],
    });
    expect(quarterly.action.type === 'startWorkflow' && quarterly.action.args).toEqual([{ kind: 'quarterly' }]);
    // the next run is the 1st of a month at 02:00 China time
    const next = monthly.info.nextActionTimes[0];
    expect(new Date(next.getTime() + 8 * 3600_000).toISOString()).toMatch(/^\d{4}-\d{2}-01T02:00:00/);
  });

  it('are created once: asked twice, the second call finds them and the server holds one of each', async () => {
    const schedules = app.get(OversightSchedules);
    const first = await schedules.ensure(prefix);
    expect(first).toEqual({ created: [`${prefix}oversight-report-monthly`, `${prefix}oversight-report-quarterly`], existing: [] });
    const second = await schedules.ensure(prefix);
    expect(second).toEqual({ created: [], existing: [`${prefix}oversight-report-monthly`, `${prefix}oversight-report-quarterly`] });
    expectMonthly(await temporal.schedule.getHandle(`${prefix}oversight-report-monthly`).describe());
    // the server's list is eventually consistent: wait until it shows the schedule, then count
    expect(
      await waitFor('the list to show the schedule', async () =>
        (await listed(`${prefix}oversight-report-monthly`)).length ? listed(`${prefix}oversight-report-monthly`) : undefined,
      ),
    ).toEqual([`${prefix}oversight-report-monthly`]);
  });
  it('a trigger (as from the Temporal UI) starts the report workflow with no period, under an id of the schedule', async () => {
    const scheduleId = `${prefix}oversight-report-monthly`;
    await app.get(OversightSchedules).ensure(prefix);
    const handle = temporal.schedule.getHandle(scheduleId);
    await handle.trigger();
    const action = await waitFor('the schedule to record the run', async () => (await handle.describe()).info.recentActions[0]);
    const workflowId = action.action.workflow.workflowId;
    expect(workflowId.startsWith(`${scheduleId}-`)).toBe(true);
    const run = temporal.workflow.getHandle(workflowId);
    try {
      const described = await run.describe();
      expect(described.type).toBe(oversightReportWorkflowType);
      expect(described.taskQueue).toBe(TaskQueues.workflows);
      const started = (await run.fetchHistory()).events?.[0]?.workflowExecutionStartedEventAttributes;
      const args = (started?.input?.payloads ?? []).map((payload) => JSON.parse(Buffer.from(payload.data ?? []).toString('utf8')));
      expect(args).toEqual([{ kind: 'monthly', sampleSize: 10 }]);
    } finally {
      // no workflow worker here: the run would wait for one in the shared test namespace
      await run.terminate('test: schedule trigger checked').catch(() => undefined);
    }
  });
});

describe('oversight report schedules while Temporal is down', () => {
  let app: INestApplication;
  const quiet = ['TEMPORAL_WORKER_ENABLED', 'EVENT_CONSUMER_ENABLED', 'OUTBOX_RELAY_ENABLED', 'WORKFLOW_COMMAND_RELAY_ENABLED'];

  afterAll(async () => {
    for (const name of quiet) delete process.env[name];
    delete process.env.TEMPORAL_ADDRESS;
  });

  it('do not hold the service’s start: it answers at once, keeps trying in the background, and stops promptly', async () => {
    isolateKafkaConsumers();
    for (const name of quiet) process.env[name] = 'false';
    process.env.TEMPORAL_ADDRESS = '127.0.0.1:1'; // nothing listens there
    const started = Date.now();
    app = await startServiceApp(AppModule);
    const res = await request(app.getHttpServer()).get('/oversight-reports').set('authorization', reformOffice()).expect(200);
    expect(res.body).toMatchObject({ page: 1 });
    expect(Date.now() - started).toBeLessThan(30_000);
    const schedules = app.get(OversightSchedules);
    await waitFor('a failed attempt, to be retried', async () => schedules.failedAttempts > 0, { timeoutMs: 60_000, intervalMs: 250 });
    expect(schedules.ensured).toBe(false);
    // still answering meanwhile
    await request(app.getHttpServer()).get('/oversight-reports').set('authorization', reformOffice()).expect(200);
    const closing = Date.now();
    await app.close();
    expect(Date.now() - closing).toBeLessThan(10_000);
  });
});
