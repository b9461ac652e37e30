import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Kafka, logLevel } from 'kafkajs';
import { Counter, register } from 'prom-client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { ApprovalEventTypes, Roles, supervisionTaskStateQuery, Topics } from '@cityworks/contracts';
import { EventConsumer, physicalTopic, toKafkaMessage } from '@cityworks/messaging';
import { bearer, waitFor } from '@cityworks/testing';
import { acceptApplicationRequest } from '../../services/approval/testing/accept-application.fixture';
import { registerProject } from '../../services/approval/testing/projects.fixture';
import { RunningServices, startRunningServices } from './support/running-services';

/**
 * Crosses every layer: approval writes a decision + outbox event → the relay publishes it to
 * Kafka → supervision's consumer (idempotent) opens a task and starts a Temporal workflow →
 * the workflow's deadline timer fires → supervision's activity marks the task overdue → the
 * HTTP API shows it. Postgres and Kafka are the real servers; Temporal is the real
 * time-skipping test server, so a 5-working-day deadline passes in seconds.
 */
/** Events of a type the in-process consumers counted as duplicates (inbox_events_total). */
async function duplicatesConsumed(type: string): Promise<number> {
  const metric = register.getSingleMetric('inbox_events_total') as Counter<'type' | 'outcome'> | undefined;
  const values = (await metric?.get())?.values ?? [];
  return values.filter((v) => v.labels.type === type && v.labels.outcome === 'duplicate').reduce((sum, v) => sum + v.value, 0);
}

describe('审批结果推送 → 审管联动 task → deadline → overdue (end to end)', () => {
  let system: RunningServices;
  let env: TestWorkflowEnvironment;
  let approval: INestApplication;
  let supervision: INestApplication;

  const approver = bearer({ userId: 'spj-1', departmentCode: 'AS-XZSPJ', roles: [Roles.approvalOfficer] });
  const supervisor = bearer({ userId: 'zjj-1', departmentCode: 'AS-ZJJ', roles: [Roles.supervisionOfficer] });

  beforeAll(async () => {
    system = await startRunningServices();
    ({ env, approval, supervision } = system);
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('pushes a decision to the supervising department, once, and marks it overdue at the working-day deadline', async () => {
    const accepted = await request(approval.getHttpServer())
      .post('/applications')
      .set('authorization', approver)
      .send(acceptApplicationRequest(await registerProject(approval, `E2E-${Date.now()}`)))
      .expect(201);
    const applicationId: string = accepted.body.id;

    const correlationId = `e2e-${Date.now()}`;
    await request(approval.getHttpServer())
      .post(`/applications/${applicationId}/decision`)
      .set('authorization', approver)
      .set('x-correlation-id', correlationId)
      .send({ decision: 'approved' })
      .expect(200);

    const task = await waitFor(
      'the supervision task to open',
      async () => {
        const res = await request(supervision.getHttpServer()).get('/supervision-tasks').set('authorization', supervisor).query({ applicationId });
        return res.body.items?.[0];
      },
      { timeoutMs: 120_000, intervalMs: 250 },
    );
    expect(task).toMatchObject({ applicationId, departmentCode: 'AS-ZJJ', approvingDepartmentCode: 'AS-XZSPJ', status: 'open' });

    // Kafka delivers at least once: deliver the very same event again, by hand
    const approvalDb = approval.get(DataSource);
    const [{ envelope }] = await approvalDb.query(`SELECT envelope FROM outbox_events WHERE subject = $1 AND type = $2`, [
      applicationId,
      ApprovalEventTypes.decided,
    ]);
    const producer = new Kafka({
      clientId: 'e2e-redelivery',
      brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
      logLevel: logLevel.NOTHING,
    }).producer();
    await producer.connect();
    const duplicatesBefore = await duplicatesConsumed(ApprovalEventTypes.decided);
    await producer.send({ topic: physicalTopic(Topics.approval), messages: [toKafkaMessage(envelope)] });
    await producer.disconnect();

    const supervisionDb = supervision.get(DataSource);
    const consumerName = supervision.get(EventConsumer).consumerName;
    await waitFor('the redelivered event to be seen', async () => {
      const [row] = await supervisionDb.query(`SELECT count(*)::int AS n FROM inbox_events WHERE consumer = $1 AND event_id = $2`, [consumerName, envelope.id]);
      return row.n === 1;
    });
    // the redelivery was handled (counted as a duplicate) before anything is counted
    await waitFor('the redelivered event to be counted as a duplicate', async () => (await duplicatesConsumed(ApprovalEventTypes.decided)) > duplicatesBefore);
    const [{ n: tasks }] = await supervisionDb.query(`SELECT count(*)::int AS n FROM supervision_tasks WHERE application_id = $1`, [applicationId]);
    expect(tasks).toBe(1);
    const [{ n: opened }] = await supervisionDb.query(
      `SELECT count(*)::int AS n FROM outbox_events WHERE subject = $1 AND type = 'supervision.task-opened.v1'`,
      [task.id],
    );
    expect(opened).toBe(1);

    // the deadline is the end of the 5th working day after the decision day, China time
    const handle = env.client.workflow.getHandle(task.workflowId);
    expect(await handle.query(supervisionTaskStateQuery)).toMatchObject({ status: 'open', dueAt: task.dueAt });

    // let Temporal's clock run past the deadline (6 weeks covers any holiday period)
    await env.sleep('42 days');

    const overdue = await waitFor('the task to be marked overdue', async () => {
      const res = await request(supervision.getHttpServer()).get(`/supervision-tasks/${task.id}`).set('authorization', supervisor).expect(200);
      return res.body.status === 'overdue' ? res.body : undefined;
    });
    expect(overdue.overdueAt).toBeTruthy();
    // one correlation id from the decision's HTTP request, through Kafka and Temporal, into the activity's write
    const [overdueAudit] = await supervisionDb.query(
      `SELECT correlation_id, actor_user_id FROM audit_log WHERE resource_id = $1 AND action = 'supervision-task.overdue'`,
      [task.id],
    );
    expect(overdueAudit).toEqual({ correlation_id: correlationId, actor_user_id: 'temporal:supervision' });
    expect(await handle.query(supervisionTaskStateQuery)).toMatchObject({ status: 'overdue' });

    // late feedback still closes the task and ends the workflow
    await request(supervision.getHttpServer())
      .post(`/supervision-tasks/${task.id}/feedback`)
      .set('authorization', supervisor)
      .send({ outcome: '已现场核查' })
      .expect(200);
    // the signal is a workflow command the relay delivers after commit; wait for it before
    // result(), which lets the time-skipping server run the clock on
    await waitFor('the feedback signal to reach the workflow', async () => (await handle.query(supervisionTaskStateQuery)).feedback);
    const result = await handle.result();
    expect(result).toMatchObject({ status: 'closed', feedback: { outcome: '已现场核查' } });

    // 审管联动 both ways: the feedback travels back over Kafka and shows on the application
    // approval's fresh consumer group may first work through what earlier suites left on the topics
    const shown = await waitFor(
      'the feedback to show on the application',
      async () => {
        const res = await request(approval.getHttpServer()).get(`/applications/${applicationId}`).set('authorization', approver).expect(200);
        return res.body.supervisionFeedback ?? undefined;
      },
      { timeoutMs: 120_000, intervalMs: 250 },
    );
    expect(shown).toMatchObject({ taskId: task.id, departmentCode: 'AS-ZJJ', outcome: '已现场核查' });
  }, 360_000);
});
