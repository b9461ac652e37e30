import { INestApplication } from '@nestjs/common';
import * as fs from 'node:fs';
import * as path from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Counter, register } from 'prom-client';
import { Kafka, logLevel } from 'kafkajs';
import { Client, Connection } from '@temporalio/client';
import { tsToMs } from '@temporalio/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import {
  ApprovalEventTypes,
  Roles,
  supervisionFeedbackSignal,
  supervisionTaskStateQuery,
  supervisionTaskWorkflowType,
  SupervisionTaskInput,
  TaskQueues,
  Topics,
} from '@cityworks/contracts';
import { EventConsumer, toKafkaMessage } from '@cityworks/messaging';
import { bearer, startServiceApp, waitFor } from '@cityworks/testing';
import { runWithCorrelationId } from '@cityworks/platform';
import { correlationClientInterceptor } from '@cityworks/temporal';
import { createWorkflowWorker } from '@cityworks/workflows';
import { AppModule as ApprovalApp } from '../../services/approval/src/app.module';
import { acceptApplicationRequest } from '../../services/approval/testing/accept-application.fixture';
import { registerProject } from '../../services/approval/testing/projects.fixture';
import { seedApprovalItem } from '../../services/approval/testing/catalog-items.fixture';
import { AppModule as SupervisionApp } from '../../services/supervision/src/app.module';
import { infra, killHard, root, startFreshStack, startProcess, useStackInThisProcess } from './fault-stack';

/**
 * Faults on real servers: the broker stopped, the database restarted, the Temporal server
 * restarted, workers killed mid-workflow. Each test states what was written, what was
 * delivered and how many effects followed; the figures go to .local/fault-figures.json.
 */
const report: Record<string, Record<string, number>> = {};
const approver = bearer({ userId: 'spj-1', departmentCode: 'AS-XZSPJ', roles: [Roles.approvalOfficer] });
const supervisor = bearer({ userId: 'zjj-1', departmentCode: 'AS-ZJJ', roles: [Roles.supervisionOfficer] });

/** Events of a type the in-process consumers counted as duplicates (inbox_events_total, as /metrics shows it). */
async function duplicatesConsumed(type: string): Promise<number> {
  const metric = register.getSingleMetric('inbox_events_total') as Counter<'type' | 'outcome'> | undefined;
  const values = (await metric?.get())?.values ?? [];
  return values.filter((v) => v.labels.type === type && v.labels.outcome === 'duplicate').reduce((sum, v) => sum + v.value, 0);
}

describe('faults on real servers', () => {
  let approval: INestApplication;
  let supervision: INestApplication;
  let approvalDb: DataSource;
  let supervisionDb: DataSource;

  beforeAll(async () => {
    startFreshStack();
    useStackInThisProcess();
    approval = await startServiceApp(ApprovalApp);
    // approval's copy of the catalog: 施工许可, supervised by 住建局 within 5 working days
    await seedApprovalItem(approval, { code: 'JS-SGXK-001' });
    supervision = await startServiceApp(SupervisionApp);
    approvalDb = approval.get(DataSource);
    supervisionDb = supervision.get(DataSource);
    await supervision.get(EventConsumer).ready;
  }, 240_000);

  afterAll(async () => {
    await approval?.close();
    await supervision?.close();
    fs.writeFileSync(path.join(root, '.local/fault-figures.json'), JSON.stringify(report, null, 2));
    process.stdout.write(`\nfault figures:\n${JSON.stringify(report, null, 2)}\n`);
    infra('stop');
  }, 120_000);

  const accept = (projectCode: string) =>
    request(approval.getHttpServer()).post('/applications').set('authorization', approver).send(acceptApplicationRequest(projectCode));
  const decide = (id: string) =>
    request(approval.getHttpServer()).post(`/applications/${id}/decision`).set('authorization', approver).send({ decision: 'approved' });
  const health = async (app: INestApplication) => (await request(app.getHttpServer()).get('/health')).body;
  const countTasks = async (projectCode: string) =>
    (await supervisionDb.query('SELECT count(*)::int AS n FROM supervision_tasks WHERE project_code = $1', [projectCode]))[0].n as number;

  it('Kafka down: requests are accepted, events wait in the outbox, then every one is delivered once', async () => {
    const project = await registerProject(approval, `KAFKA-DOWN-${Date.now()}`);
    const N = 20;
    infra('stop', 'kafka');
    const ids: string[] = [];
    for (let i = 0; i < N; i++) {
      const { body, status } = await accept(project);
      expect(status).toBe(201);
      expect((await decide(body.id)).status).toBe(200);
      ids.push(body.id);
    }
    const waiting = (await approvalDb.query('SELECT count(*)::int AS n FROM outbox_events WHERE published_at IS NULL AND subject = ANY($1)', [ids]))[0].n;
    expect(waiting).toBe(2 * N);
    const decisionsWritten = (
      await approvalDb.query('SELECT count(*)::int AS n FROM outbox_events WHERE type = $1 AND subject = ANY($2)', [ApprovalEventTypes.decided, ids])
    )[0].n as number;
    expect((await health(approval)).details.kafka.status).toBe('down');

    infra('start', 'kafka');
    await waitFor(
      'the outbox to drain',
      async () => (await approvalDb.query('SELECT count(*)::int AS n FROM outbox_events WHERE published_at IS NULL'))[0].n === 0,
      { timeoutMs: 90_000, intervalMs: 500 },
    );
    await waitFor('every decision to open a supervision task', async () => (await countTasks(project)) === N, { timeoutMs: 90_000, intervalMs: 500 });

    // deliver every decision a second time: no second effect
    const envelopes = await approvalDb.query('SELECT envelope FROM outbox_events WHERE type = $1 AND subject = ANY($2)', [ApprovalEventTypes.decided, ids]);
    const duplicatesBefore = await duplicatesConsumed(ApprovalEventTypes.decided);
    const producer = new Kafka({ clientId: 'fault-redelivery', brokers: [process.env.KAFKA_BROKERS!], logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    await producer.send({ topic: Topics.approval, messages: envelopes.map((r: any) => toKafkaMessage(r.envelope)) });
    await producer.disconnect();
    const consumer = supervision.get(EventConsumer).consumerName;
    await waitFor('the redelivered events to reach the consumer', async () => {
      const [{ n }] = await supervisionDb.query(`SELECT count(*)::int AS n FROM inbox_events WHERE consumer = $1 AND event_id = ANY($2)`, [
        consumer,
        envelopes.map((r: any) => r.envelope.id),
      ]);
      return n === N;
    });
    await waitFor(
      'the consumer to count every redelivered event as a duplicate',
      async () => (await duplicatesConsumed(ApprovalEventTypes.decided)) - duplicatesBefore >= envelopes.length,
    );
    const redeliveredAsDuplicates = (await duplicatesConsumed(ApprovalEventTypes.decided)) - duplicatesBefore;
    const effects = await countTasks(project);
    expect(effects).toBe(N);
    report.kafkaDown = {
      decisionsWritten,
      eventsWaitingInOutbox: waiting,
      decisionEventsRedelivered: envelopes.length,
      redeliveredCountedAsDuplicates: redeliveredAsDuplicates,
      supervisionTasks: effects,
    };
  }, 240_000);

  it('Postgres restart: unhealthy and 503 while down, recovers without a restart, loses nothing acknowledged', async () => {
    const project = await registerProject(approval, `PG-RESTART-${Date.now()}`);
    const acknowledged: string[] = [];
    for (let i = 0; i < 10; i++) acknowledged.push((await accept(project).expect(201)).body.id);

    infra('stop', 'postgres');
    const down = await request(approval.getHttpServer()).get('/health');
    expect(down.status).toBe(503);
    expect(down.body.details.database.status).toBe('down');
    const refused = await accept(project);
    expect(refused.status).toBe(503);
    const refusedWith503 = [refused].filter((r) => r.status === 503).length;
    infra('start', 'postgres');

    await waitFor('health to recover', async () => (await request(approval.getHttpServer()).get('/health')).status === 200, {
      timeoutMs: 60_000,
      intervalMs: 500,
    });
    const after = await waitFor(
      'writes to succeed again',
      async () => {
        const res = await accept(project);
        return res.status === 201 ? res.body : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 500 },
    );
    expect(after.id).toBeTruthy();
    let found = 0;
    for (const id of acknowledged)
      if ((await request(approval.getHttpServer()).get(`/applications/${id}`).set('authorization', approver)).status === 200) found++;
    expect(found).toBe(acknowledged.length);
    report.postgresRestart = { acknowledgedBeforeRestart: acknowledged.length, foundAfterRestart: found, refusedWhileDownWith503: refusedWith503 };
  }, 180_000);

  it('Temporal down for two minutes: decisions still open supervision tasks; every workflow starts once it is back; nothing parked', async () => {
    const project = await registerProject(approval, `TEMPORAL-DOWN-${Date.now()}`);
    const N = 20;
    const outageMs = Number(process.env.FAULT_TEMPORAL_OUTAGE_MS ?? 120_000);
    const consumer = supervision.get(EventConsumer).consumerName;
    const parkedBefore = (
      await supervisionDb.query('SELECT count(*)::int AS n FROM inbox_events WHERE consumer = $1 AND failed_error IS NOT NULL', [consumer])
    )[0].n as number;
    infra('stop', 'temporal');
    const downSince = Date.now();
    for (let i = 0; i < N; i++) {
      const { body, status } = await accept(project);
      expect(status).toBe(201);
      expect((await decide(body.id)).status).toBe(200);
    }
    const decisionsMade = N;
    // the consumer's transaction needs only Postgres: the tasks open while Temporal is down
    await waitFor('every decision to open a task while Temporal is down', async () => (await countTasks(project)) === N, {
      timeoutMs: 90_000,
      intervalMs: 500,
    });
    const tasksOpenedWhileDown = await countTasks(project);
    const workflowIds: string[] = (await supervisionDb.query('SELECT workflow_id FROM supervision_tasks WHERE project_code = $1', [project])).map(
      (r: { workflow_id: string }) => r.workflow_id,
    );
    const startsWaiting = (
      await supervisionDb.query(`SELECT count(*)::int AS n FROM workflow_commands WHERE kind = 'start' AND delivered_at IS NULL AND workflow_id = ANY($1)`, [
        workflowIds,
      ])
    )[0].n as number;
    expect(startsWaiting).toBe(N);
    await new Promise((r) => setTimeout(r, Math.max(0, outageMs - (Date.now() - downSince))));
    const outageSeconds = Math.round((Date.now() - downSince) / 1000);
    infra('start', 'temporal');

    // a dev server restarting on a busy 2-core machine may take over a minute to accept connections
    const connection = await waitFor(
      'Temporal to accept connections again',
      () => Connection.connect({ address: process.env.TEMPORAL_ADDRESS! }).catch(() => undefined),
      { timeoutMs: 180_000, intervalMs: 1000 },
    );
    const client = new Client({ connection, namespace: 'default' });
    try {
      const running = async () => {
        let n = 0;
        for (const id of workflowIds)
          if (
            (
              await client.workflow
                .getHandle(id)
                .describe()
                .catch(() => undefined)
            )?.status.name === 'RUNNING'
          )
            n++;
        return n;
      };
      await waitFor(
        'every workflow start to be delivered',
        async () =>
          (await supervisionDb.query(`SELECT count(*)::int AS n FROM workflow_commands WHERE delivered_at IS NULL AND workflow_id = ANY($1)`, [workflowIds]))[0]
            .n === 0,
        { timeoutMs: 120_000, intervalMs: 1000 },
      );
      const workflowsRunning = await waitFor('every workflow to be running', async () => ((await running()) === N ? N : undefined), {
        timeoutMs: 60_000,
        intervalMs: 1000,
      });
      const tasksAfter = await countTasks(project);
      const parkedAfter = (
        await supervisionDb.query('SELECT count(*)::int AS n FROM inbox_events WHERE consumer = $1 AND failed_error IS NOT NULL', [consumer])
      )[0].n as number;
      expect(tasksAfter).toBe(N);
      expect(workflowsRunning).toBe(N);
      expect(parkedAfter - parkedBefore).toBe(0);
      report.temporalDown = {
        outageSeconds,
        decisionsMade,
        tasksOpenedWhileDown,
        workflowStartsWaitingInOutbox: startsWaiting,
        supervisionTasksAfter: tasksAfter,
        workflowsRunningAfter: workflowsRunning,
        eventsParked: parkedAfter - parkedBefore,
      };
      for (const id of workflowIds) await client.workflow.getHandle(id).terminate('fault test cleanup');
    } finally {
      await client.connection.close();
    }
  }, 540_000);

  describe('with workflows', () => {
    let client: Client;
    let workflowConnection: NativeConnection;
    let workflowWorker: Worker;
    let workflowWorkerRun: Promise<void>;

    beforeAll(async () => {
      client = new Client({
        connection: await Connection.connect({ address: process.env.TEMPORAL_ADDRESS! }),
        namespace: 'default',
        interceptors: { workflow: [correlationClientInterceptor] },
      });
    });

    afterAll(async () => {
      await client?.connection.close();
    });

    /** A task record opened the normal way, then driven by a workflow whose deadline is seconds away. */
    async function taskWithShortDeadline(project: string, seconds: number): Promise<{ taskId: string; workflowId: string; correlationId: string }> {
      await registerProject(approval, project);
      const { body } = await accept(project).expect(201);
      await decide(body.id).expect(200);
      const task = await waitFor(
        'the task to open',
        async () => {
          const res = await request(supervision.getHttpServer()).get('/supervision-tasks').set('authorization', supervisor).query({ applicationId: body.id });
          return res.body.items?.[0];
        },
        { timeoutMs: 30_000 },
      );
      const input: SupervisionTaskInput = {
        taskId: task.id,
        applicationId: task.applicationId,
        projectCode: project,
        itemCode: task.itemCode,
        departmentCode: task.departmentCode,
        regionCode: task.regionCode,
        dueAt: new Date(Date.now() + seconds * 1000).toISOString(),
      };
      const workflowId = `fault-${task.id}`;
      const correlationId = `fault-${Date.now()}`;
      await runWithCorrelationId(correlationId, () =>
        client.workflow.start(supervisionTaskWorkflowType, { workflowId, taskQueue: TaskQueues.workflows, args: [input] }),
      );
      return { taskId: task.id, workflowId, correlationId };
    }

    const overdueEvents = async (taskId: string) =>
      (await supervisionDb.query(`SELECT count(*)::int AS n FROM outbox_events WHERE subject = $1 AND type = 'supervision.task-overdue.v1'`, [taskId]))[0]
        .n as number;

    it('Temporal restart: running workflows and their pending timers survive', async () => {
      workflowConnection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS! });
      workflowWorker = await createWorkflowWorker(workflowConnection, { namespace: 'default' });
      workflowWorkerRun = workflowWorker.run();
      const { taskId, workflowId } = await taskWithShortDeadline(`TEMPORAL-RESTART-${Date.now()}`, 12);
      const longLived = (await supervisionDb.query('SELECT workflow_id FROM supervision_tasks WHERE id = $1', [taskId]))[0].workflow_id;

      const workflows = [workflowId, longLived];
      const running = async () => {
        let n = 0;
        for (const id of workflows)
          if (
            (
              await client.workflow
                .getHandle(id)
                .describe()
                .catch(() => undefined)
            )?.status.name === 'RUNNING'
          )
            n++;
        return n;
      };
      await waitFor('both workflows to be running before the restart', async () => (await running()) === workflows.length, { timeoutMs: 30_000 });
      const runningBeforeRestart = await running();
      const stoppedAt = Date.now();
      infra('stop', 'temporal');
      infra('start', 'temporal');

      await waitFor(
        'the timer to fire after the restart and the task to turn overdue',
        async () => {
          const [row] = await supervisionDb.query('SELECT status FROM supervision_tasks WHERE id = $1', [taskId]);
          return row.status === 'overdue';
        },
        { timeoutMs: 90_000, intervalMs: 500 },
      );
      expect(await client.workflow.getHandle(workflowId).query(supervisionTaskStateQuery)).toMatchObject({ status: 'overdue' });
      expect((await client.workflow.getHandle(longLived).describe()).status.name).toBe('RUNNING');
      const runningAfterRestart = await running();
      expect(runningAfterRestart).toBe(runningBeforeRestart);
      // timers that fired once the server was back: the server was down from stoppedAt on
      const timersFiredAfterRestart =
        (await client.workflow.getHandle(workflowId).fetchHistory()).events?.filter((e) => e.timerFiredEventAttributes && tsToMs(e.eventTime) >= stoppedAt)
          .length ?? 0;
      expect(timersFiredAfterRestart).toBeGreaterThanOrEqual(1);
      expect(await overdueEvents(taskId)).toBe(1);
      await client.workflow.getHandle(workflowId).signal(supervisionFeedbackSignal, { outcome: '恢复后反馈', givenAt: new Date().toISOString() });
      expect(await client.workflow.getHandle(workflowId).result()).toMatchObject({ status: 'closed' });
      report.temporalRestart = {
        workflowsRunningBeforeRestart: runningBeforeRestart,
        workflowsRunningAcrossRestart: runningAfterRestart,
        timersFiredAfterRestart,
        overdueEffects: await overdueEvents(taskId),
      };
      workflowWorker.shutdown();
      await workflowWorkerRun;
      await workflowConnection.close();
    }, 180_000);

    it('worker crash: the supervision worker and the workflow worker killed mid-workflow; after restart the workflow finishes and the effect happens once', async () => {
      // from here on only separate processes run supervision activities and workflows
      await supervision.close();
      process.env.TEMPORAL_WORKER_ENABLED = 'false';
      process.env.EVENT_CONSUMER_ENABLED = 'false';
      supervision = await startServiceApp(SupervisionApp);
      supervisionDb = supervision.get(DataSource);
      const consumerProc = startProcess('dist/services/supervision/src/main.js', {
        PORT: '3913',
        TEMPORAL_WORKER_ENABLED: 'false',
        EVENT_CONSUMER_ENABLED: 'true',
      });
      let supervisionProc = startProcess('dist/services/supervision/src/main.js', {
        PORT: '3903',
        EVENT_CONSUMER_ENABLED: 'false',
        TEMPORAL_WORKER_ENABLED: 'true',
      });
      let workflowProc = startProcess('dist/workflows/src/worker.js');
      try {
        const { taskId, workflowId, correlationId } = await taskWithShortDeadline(`WORKER-CRASH-${Date.now()}`, 8);
        await waitFor(
          'the workflow to start its timer',
          async () => {
            const history = await client.workflow.getHandle(workflowId).fetchHistory();
            return history.events?.some((e) => e.timerStartedEventAttributes) ?? false;
          },
          { timeoutMs: 30_000 },
        );
        const killed = [await killHard(supervisionProc), await killHard(workflowProc)].filter(Boolean).length;
        expect(killed).toBe(2);
        await new Promise((r) => setTimeout(r, 9_000)); // the deadline passes while nobody is running
        expect((await supervisionDb.query('SELECT status FROM supervision_tasks WHERE id = $1', [taskId]))[0].status).toBe('open');

        supervisionProc = startProcess('dist/services/supervision/src/main.js', {
          PORT: '3903',
          EVENT_CONSUMER_ENABLED: 'false',
          TEMPORAL_WORKER_ENABLED: 'true',
        });
        workflowProc = startProcess('dist/workflows/src/worker.js');
        await waitFor(
          'the restarted workers to mark the task overdue',
          async () => {
            const [row] = await supervisionDb.query('SELECT status FROM supervision_tasks WHERE id = $1', [taskId]);
            return row.status === 'overdue';
          },
          { timeoutMs: 90_000, intervalMs: 500 },
        );
        await client.workflow.getHandle(workflowId).signal(supervisionFeedbackSignal, { outcome: '重启后反馈', givenAt: new Date().toISOString() });
        expect(await client.workflow.getHandle(workflowId).result()).toMatchObject({ status: 'closed' });
        const history = await client.workflow.getHandle(workflowId).fetchHistory();
        const activitiesCompleted = history.events?.filter((e) => e.activityTaskCompletedEventAttributes).length ?? 0;
        const effects = await overdueEvents(taskId);
        const overdueAudits = await supervisionDb.query(`SELECT correlation_id FROM audit_log WHERE resource_id = $1 AND action = 'supervision-task.overdue'`, [
          taskId,
        ]);
        const audits = overdueAudits.length;
        // the prebuilt bundle carries the correlation interceptor too
        expect(overdueAudits[0].correlation_id).toBe(correlationId);
        expect(activitiesCompleted).toBe(1);
        expect(effects).toBe(1);
        expect(audits).toBe(1);
        report.workerCrash = { processesKilled: killed, activitiesCompleted, overdueEvents: effects, overdueAuditEntries: audits };
      } finally {
        await killHard(supervisionProc);
        await killHard(workflowProc);
        await killHard(consumerProc);
        delete process.env.TEMPORAL_WORKER_ENABLED;
        delete process.env.EVENT_CONSUMER_ENABLED;
      }
    }, 240_000);
  });
});
