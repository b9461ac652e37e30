import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { ApprovalDecidedV1, CalendarArrangementLoadedV1, CatalogEventTypes, IntegrationEvent, Roles, SupervisionEventTypes } from '@cityworks/contracts';
import { TEMPORAL_CLIENT } from '@cityworks/temporal';
import { Client } from '@temporalio/client';
import { EventConsumer } from '@cityworks/messaging';
import { bearer, isolateKafkaConsumers, startServiceApp, waitFor } from '@cityworks/testing';
import { AppModule } from '../app.module';
import { ApprovalDecidedHandler } from '../events/approval-decided.handler';
import { CalendarArrangementHandler } from '@cityworks/calendar-sync';
import { SupervisionActivitiesImpl } from '../activities/supervision.activities';
import { approvalDecidedEvent } from '../../testing/approval-decided.fixture';

/**
 * Supervision tasks against the real Postgres and Temporal dev server (namespace
 * cityworks-test). Events are handed to the consumer's inbox path directly here; delivery
 * through Kafka is covered by the end-to-end test.
 */
describe('supervision tasks', () => {
  let app: INestApplication;
  let db: DataSource;
  let consumer: EventConsumer;

  const decision = (overrides: Partial<ApprovalDecidedV1> = {}) => approvalDecidedEvent(overrides);

  const supervisor = bearer({ userId: 'zjj-1', departmentCode: 'AS-ZJJ', roles: [Roles.supervisionOfficer] });
  const approver = bearer({ userId: 'spj-1', departmentCode: 'AS-XZSPJ', roles: [Roles.approvalOfficer] });
  const outsider = bearer({ userId: 'hb-1', departmentCode: 'AS-HBJ', roles: [Roles.supervisionOfficer] });
  const post = (url: string, token = supervisor) => request(app.getHttpServer()).post(url).set('authorization', token);
  const get = (url: string, token = supervisor) => request(app.getHttpServer()).get(url).set('authorization', token);

  beforeAll(async () => {
    isolateKafkaConsumers();
    app = await startServiceApp(AppModule);
    db = app.get(DataSource);
    consumer = app.get(EventConsumer);
  });

  afterAll(async () => {
    await app?.close();
  });

  async function deliver(event: IntegrationEvent<ApprovalDecidedV1>) {
    return consumer.handleOnce(event, app.get(ApprovalDecidedHandler));
  }

  it('opens one task per decision, with the deadline in working days across National Day', async () => {
    const event = decision();
    expect(await deliver(event)).toBe('applied');
    expect(await deliver(event)).toBe('duplicate');
    const res = await get('/supervision-tasks').query({ applicationId: event.data.applicationId }).expect(200);
    expect(res.body.total).toBe(1);
    // decided 2026-09-30 (Wed); 10-01…10-07 are holidays, 10-10 (Sat) a make-up working day:
    // working days after: 10-08, 10-09, 10-10 → due at the end of 2026-10-10, China time
    expect(res.body.items[0]).toMatchObject({ status: 'open', dueAt: '2026-10-10T15:59:59.999Z', dueProvisional: false });
  });

  it('records feedback once, publishes it, and refuses a second', async () => {
    const event = decision();
    await deliver(event);
    const [task] = (await get('/supervision-tasks').query({ applicationId: event.data.applicationId })).body.items;
    const res = await post(`/supervision-tasks/${task.id}/feedback`).send({ outcome: '已核查，符合条件' }).expect(200);
    expect(res.body).toMatchObject({ status: 'closed', feedbackOutcome: '已核查，符合条件' });
    await post(`/supervision-tasks/${task.id}/feedback`).send({ outcome: 'again' }).expect(409);
    const [{ n }] = await db.query('SELECT count(*)::int AS n FROM outbox_events WHERE subject = $1 AND type = $2', [
      task.id,
      SupervisionEventTypes.feedbackGiven,
    ]);
    expect(n).toBe(1);
  });

  it('marks overdue idempotently and never reopens a closed task', async () => {
    const event = decision();
    await deliver(event);
    const [task] = (await get('/supervision-tasks').query({ applicationId: event.data.applicationId })).body.items;
    const activities = app.get(SupervisionActivitiesImpl);
    expect(await activities.markSupervisionTaskOverdue({ taskId: task.id })).toEqual({ changed: true, status: 'overdue' });
    expect(await activities.markSupervisionTaskOverdue({ taskId: task.id })).toEqual({ changed: false, status: 'overdue' });
    await post(`/supervision-tasks/${task.id}/feedback`).send({ outcome: '逾期反馈' }).expect(200);
    expect(await activities.markSupervisionTaskOverdue({ taskId: task.id })).toEqual({ changed: false, status: 'closed' });
    const [{ n }] = await db.query('SELECT count(*)::int AS n FROM outbox_events WHERE subject = $1 AND type = $2', [
      task.id,
      SupervisionEventTypes.taskOverdue,
    ]);
    expect(n).toBe(1);
  });

  it('validates input: empty feedback, bad ids, unknown tasks, bad filters', async () => {
    const missing = randomUUID();
    const empty = await post(`/supervision-tasks/${missing}/feedback`).send({ outcome: '' }).expect(400);
    expect(empty.body.errors[0].field).toBe('outcome');
    await post(`/supervision-tasks/${missing}/feedback`).send({ outcome: 'x' }).expect(404);
    await get('/supervision-tasks/123').expect(400);
    await get('/supervision-tasks').query({ status: 'lost' }).expect(400);
  });

  it('keeps tasks to the supervising department and the approving one (谁主管谁监管)', async () => {
    const event = decision();
    await deliver(event);
    const [task] = (await get('/supervision-tasks').query({ applicationId: event.data.applicationId })).body.items;
    await get(`/supervision-tasks/${task.id}`, outsider).expect(404);
    expect((await get('/supervision-tasks', outsider).query({ applicationId: event.data.applicationId })).body.total).toBe(0);
    await post(`/supervision-tasks/${task.id}/feedback`, outsider).send({ outcome: 'x' }).expect(404);
    // the approving department follows the task but cannot answer for the supervisor
    await get(`/supervision-tasks/${task.id}`, approver).expect(200);
    await post(`/supervision-tasks/${task.id}/feedback`, approver).send({ outcome: 'x' }).expect(403);
    await request(app.getHttpServer()).get(`/supervision-tasks/${task.id}`).expect(401);
    // the consumer and the activity are recorded as system actors
    const [opened] = await db.query(`SELECT actor_user_id FROM audit_log WHERE resource_id = $1 AND action = 'supervision-task.opened'`, [task.id]);
    expect(opened.actor_user_id).toBe('system');
  });

  it('recomputes a provisional deadline when the official arrangement for the year is loaded, and tells the workflow', async () => {
    // decided 2026-12-15 with 20 working days: the deadline runs into 2027, which has no arrangement yet
    const event = decision({ decidedAt: '2026-12-15T02:00:00.000Z', supervisionFeedbackWorkingDays: 20 });
    await deliver(event);
    const [task] = (await get('/supervision-tasks').query({ applicationId: event.data.applicationId })).body.items;
    expect(task).toMatchObject({ dueProvisional: true });
    // approved on commitment the same day, 20 working days to verify: the commitment's deadline moves too
    const onCommitment = decision({
      decidedAt: '2026-12-15T02:00:00.000Z',
      supervisionFeedbackWorkingDays: 5,
      onCommitment: true,
      commitmentVerificationWorkingDays: 20,
    });
    await deliver(onCommitment);
    const [commitment] = (await get('/commitments').query({ applicationId: onCommitment.data.applicationId })).body.items;
    expect(commitment).toMatchObject({ dueAt: '2027-01-13T15:59:59.999Z', dueProvisional: true });

    // the official 2027 arrangement: here, for the test, a whole week of January is declared holiday
    const holidays = ['2027-01-01', '2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07', '2027-01-08'].map((date) => ({ date, name: '元旦' }));
    const loaded: IntegrationEvent<CalendarArrangementLoadedV1> = {
      ...decision(),
      id: randomUUID(),
      type: CatalogEventTypes.calendarArrangementLoaded,
      source: '/cityworks/catalog',
      subject: 'calendar:2027',
      data: {
        year: 2027,
        revision: Math.floor(Date.now() / 1000),
        arrangement: { year: 2027, holidays, workdays: [] },
        replacedFallback: true,
        sourceDocument: '国办发明电〔2026〕X号 (test)',
        loadedAt: new Date().toISOString(),
      },
    } as unknown as IntegrationEvent<CalendarArrangementLoadedV1>;
    try {
      expect(await consumer.handleOnce(loaded, app.get(CalendarArrangementHandler))).toBe('applied');
      const after = (await get(`/supervision-tasks/${task.id}`).expect(200)).body;
      expect(after.dueProvisional).toBe(false);
      // 12 working days are left in December; the provisional 20th was 2027-01-13, and five
      // more days off push it to 2027-01-20
      expect(task.dueAt).toBe('2027-01-13T15:59:59.999Z');
      expect(after.dueAt).toBe('2027-01-20T15:59:59.999Z');
      const [audit] = await db.query(`SELECT before, after FROM audit_log WHERE resource_id = $1 AND action = 'supervision-task.deadline-recomputed'`, [
        task.id,
      ]);
      expect(audit).toMatchObject({ before: { dueAt: task.dueAt, dueProvisional: true }, after: { dueAt: after.dueAt, dueProvisional: false } });
      // start and signal are workflow commands the relay delivers after commit
      const handle = app.get<Client>(TEMPORAL_CLIENT).workflow.getHandle(task.workflowId);
      const signalsIn = async () =>
        (await handle.fetchHistory()).events!.filter((e) => e.workflowExecutionSignaledEventAttributes?.signalName === 'supervisionDeadlineChanged');
      await waitFor('the deadline-changed signal', async () => (await signalsIn()).length > 0);
      expect(await signalsIn()).toHaveLength(1);
      expect((await get(`/commitments/${commitment.id}`).expect(200)).body).toMatchObject({ dueAt: '2027-01-20T15:59:59.999Z', dueProvisional: false });
      const commitmentSignals = async () =>
        (await app.get<Client>(TEMPORAL_CLIENT).workflow.getHandle(commitment.workflowId).fetchHistory()).events!.filter(
          (e) => e.workflowExecutionSignaledEventAttributes?.signalName === 'commitmentDeadlineMoved',
        );
      await waitFor('the commitment deadline-moved signal', async () => (await commitmentSignals()).length > 0);
      expect(await commitmentSignals()).toHaveLength(1);
      // the same event again: the inbox swallows it; a stale revision changes nothing either
      expect(await consumer.handleOnce(loaded, app.get(CalendarArrangementHandler))).toBe('duplicate');
    } finally {
      await db.query('DELETE FROM calendar_arrangements WHERE year = 2027');
    }
  });
});
