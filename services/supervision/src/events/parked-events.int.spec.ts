import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Kafka } from 'kafkajs';
import { ApprovalDecidedV1, ApprovalEventTypes, IntegrationEvent, Roles, Topics } from '@cityworks/contracts';
import { EventConsumer, KAFKA, physicalTopic, toKafkaMessage } from '@cityworks/messaging';
import { RuleViolation } from '@cityworks/platform';
import { bearer, isolateKafkaConsumers, startServiceApp, waitFor } from '@cityworks/testing';
import { AppModule } from '../app.module';
import { SupervisionTasksService } from '../supervision-tasks/supervision-tasks.service';
import { approvalDecidedEvent } from '../../testing/approval-decided.fixture';

/**
 * Events that retrying cannot fix are parked with their envelope, listed for operators and
 * re-driven once the cause is fixed — through the real Kafka consumer and Postgres. The first
 * case injects the failure (a rule the service refuses until an operator fixes its cause).
 */
describe('parked events', () => {
  let app: INestApplication;
  let db: DataSource;
  const operator = bearer({ userId: 'ops-1', departmentCode: 'AS-GGB', roles: [Roles.system] });
  const clerk = bearer({ userId: 'zjj-1', departmentCode: 'AS-ZJJ', roles: [Roles.supervisionOfficer] });

  const decision = (data: Partial<ApprovalDecidedV1> = {}) => approvalDecidedEvent({ projectCode: 'P-PARKED', ...data });

  async function publish(event: IntegrationEvent<ApprovalDecidedV1>): Promise<void> {
    const producer = app.get<Kafka>(KAFKA).producer();
    await producer.connect();
    await producer.send({ topic: physicalTopic(Topics.approval), messages: [toKafkaMessage(event)] });
    await producer.disconnect();
  }

  const parkedRow = async (eventId: string) => (await db.query('SELECT failed_error, attempts FROM inbox_events WHERE event_id = $1', [eventId]))[0];
  const tasksFor = async (applicationId: string) =>
    (await db.query('SELECT count(*)::int AS n FROM supervision_tasks WHERE application_id = $1', [applicationId]))[0].n as number;

  beforeAll(async () => {
    isolateKafkaConsumers();
    app = await startServiceApp(AppModule);
    db = app.get(DataSource);
    await app.get(EventConsumer).ready;
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  });

  it('parks an event a rule refuses, lists it, and applies it once re-driven after the cause is fixed', async () => {
    const service = app.get(SupervisionTasksService);
    const event = decision();
    // only this event is refused: a fresh consumer group first works through whatever the topic
    // already holds from earlier suites, which must go through as usual
    const openFromDecision = service.openFromDecision.bind(service);
    const refusal = jest
      .spyOn(service, 'openFromDecision')
      .mockImplementation((data, manager) =>
        data.applicationId === event.data.applicationId
          ? Promise.reject(new RuleViolation('supervising department AS-ZJJ is not in the catalog yet', 'rule'))
          : openFromDecision(data, manager),
      );
    try {
      await publish(event);
      await waitFor('the event to be parked', async () => (await parkedRow(event.id))?.failed_error, { timeoutMs: 90_000, intervalMs: 250 });
    } finally {
      refusal.mockRestore();
    }
    expect(await parkedRow(event.id)).toMatchObject({ failed_error: 'supervising department AS-ZJJ is not in the catalog yet', attempts: 3 });
    expect(await tasksFor(event.data.applicationId)).toBe(0);

    const listed = await request(app.getHttpServer()).get('/parked-events').set('authorization', operator).query({ pageSize: 200 }).expect(200);
    expect(listed.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ eventId: event.id, type: ApprovalEventTypes.decided, subject: event.subject, attempts: 3, redrivable: true }),
      ]),
    );
    await request(app.getHttpServer()).get('/parked-events').set('authorization', clerk).expect(403);
    await request(app.getHttpServer()).post(`/parked-events/${event.id}/redrive`).set('authorization', clerk).expect(403);

    const redriven = await request(app.getHttpServer()).post(`/parked-events/${event.id}/redrive`).set('authorization', operator).expect(200);
    expect(redriven.body).toEqual({ eventId: event.id, outcome: 'applied' });
    expect(await tasksFor(event.data.applicationId)).toBe(1);
    expect(await parkedRow(event.id)).toMatchObject({ failed_error: null });
    // applied once: a second re-drive finds nothing parked, a redelivery is a duplicate
    await request(app.getHttpServer()).post(`/parked-events/${event.id}/redrive`).set('authorization', operator).expect(404);
    expect(await app.get(EventConsumer).handleOnce(event, { handle: async () => undefined })).toBe('duplicate');
  }, 120_000);

  it('parks a malformed decision for good: re-driving it fails again (409) and it stays parked', async () => {
    const event = decision({ supervisionFeedbackWorkingDays: 0 });
    await publish(event);
    await waitFor('the malformed event to be parked', async () => (await parkedRow(event.id))?.failed_error, { timeoutMs: 90_000, intervalMs: 250 });
    const res = await request(app.getHttpServer()).post(`/parked-events/${event.id}/redrive`).set('authorization', operator).expect(409);
    expect(res.body.message).toContain('supervisionFeedbackWorkingDays must be a whole number from 1 to 365');
    expect((await parkedRow(event.id)).failed_error).toContain('supervisionFeedbackWorkingDays');
    expect(await tasksFor(event.data.applicationId)).toBe(0);
    await request(app.getHttpServer()).post('/parked-events/bad%20id/redrive').set('authorization', operator).expect(400);
  }, 120_000);
});
