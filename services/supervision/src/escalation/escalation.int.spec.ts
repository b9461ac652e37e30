import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { chinaDateOf } from '@cityworks/calendar';
import { EscalationEventTypes, Roles, Topics } from '@cityworks/contracts';
import { bearer, isolateKafkaConsumers, reformOffice, startServiceApp } from '@cityworks/testing';
import { AppModule } from '../app.module';
import { SupervisionActivitiesImpl } from '../activities/supervision.activities';
import { escalationFixture } from '../../testing/escalation.fixture';

/** The ledger of the escalation ladder against the real Postgres: each rung once, read by the 工改办. */
describe('escalation ledger', () => {
  let app: INestApplication;
  let db: DataSource;
  let activities: SupervisionActivitiesImpl;
  const f = escalationFixture();
  const steps = (query: Record<string, string | number>, token = reformOffice()) =>
    request(app.getHttpServer()).get('/escalation-steps').set('authorization', token).query(query);
  const outbox = (subject: string, type: string) =>
    db.query('SELECT topic, envelope FROM outbox_events WHERE subject = $1 AND type = $2', [subject, type]) as Promise<
      { topic: string; envelope: { data: unknown } }[]
    >;

  // only Postgres is needed here: no consumer, relay or worker of this app competes with the
  // suites that test delivery through Kafka and Temporal against the same schema
  const quiet = ['TEMPORAL_WORKER_ENABLED', 'EVENT_CONSUMER_ENABLED', 'OUTBOX_RELAY_ENABLED', 'WORKFLOW_COMMAND_RELAY_ENABLED'];

  beforeAll(async () => {
    isolateKafkaConsumers();
    for (const name of quiet) process.env[name] = 'false';
    app = await startServiceApp(AppModule);
    db = app.get(DataSource);
    activities = app.get(SupervisionActivitiesImpl);
  });

  afterAll(async () => {
    for (const name of quiet) delete process.env[name];
    await app?.close();
  });

  it('records a 预警 once per claim key, concurrently too, and announces it once', async () => {
    const input = f.step();
    expect(await activities.recordEscalationStep(input)).toEqual({ recorded: true });
    expect(await activities.recordEscalationStep(input)).toEqual({ recorded: false });

    const racing = f.step();
    const answers = await Promise.all(Array.from({ length: 6 }, () => activities.recordEscalationStep(racing)));
    expect(answers.filter((a) => a.recorded)).toHaveLength(1);

    const subject = `application:${racing.obligation.id}`;
    const events = await outbox(subject, EscalationEventTypes.warningIssued);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ topic: Topics.escalation, envelope: { data: { claimKey: racing.claimKey, departmentCode: f.departments.approval } } });
  });

  it('flags a 通报 for accountability (追责) after the 督办函 it names', async () => {
    const obligation = f.obligation();
    const letter = await activities.issueLetter(f.letter({ obligation, kind: '督办函' }));
    expect(await activities.recordEscalationStep(f.step({ obligation, step: '通报', letterId: letter.letterId }))).toEqual({ recorded: true });
    const [flagged] = await outbox(`application:${obligation.id}`, EscalationEventTypes.flaggedForCircular);
    expect(flagged.envelope.data).toMatchObject({ letterId: letter.letterId, accountability: true, obligation: { id: obligation.id } });
    // the letter's rung is in the same ledger, written with the letter
    const rungs = await db.query('SELECT step FROM escalation_steps WHERE obligation_id = $1 ORDER BY fired_at', [obligation.id]);
    expect(rungs.map((r: { step: string }) => r.step)).toEqual(['督办函', '通报']);
  });

  it('refuses a rung naming no letter, a letter rung asked of recordEscalationStep, and a claim key taken by another rung', async () => {
    await expect(activities.recordEscalationStep(f.step({ step: '通报', letterId: '00000000-0000-4000-8000-000000000000' }))).rejects.toMatchObject({
      kind: 'rule',
    });
    await expect(activities.recordEscalationStep({ ...f.step(), step: '提醒函' as never })).rejects.toMatchObject({
      status: 400,
      response: { errors: [expect.objectContaining({ field: 'step' })] },
    });
    const obligation = f.obligation();
    const warning = f.step({ obligation });
    await activities.recordEscalationStep(warning);
    await expect(activities.issueLetter({ ...f.letter({ obligation }), claimKey: warning.claimKey })).rejects.toMatchObject({ kind: 'rule' });
  });

  it('lists the rungs for the 工改办, by department, rung and China day', async () => {
    const obligation = f.obligation({ departmentCode: f.departments.other });
    await activities.recordEscalationStep(f.step({ obligation }));
    await activities.issueLetter(f.letter({ obligation }));
    const today = chinaDateOf(new Date());
    const all = (await steps({ departmentCode: f.departments.other, from: today, to: today }).expect(200)).body;
    expect(all.items.map((s: { step: string }) => s.step).sort()).toEqual(['提醒函', '预警']);
    expect(all.items[0]).toMatchObject({ departmentCode: f.departments.other, obligation: { id: obligation.id, kind: 'application' } });
    const reminders = (await steps({ departmentCode: f.departments.other, step: '提醒函' }).expect(200)).body;
    expect(reminders.items).toEqual([expect.objectContaining({ step: '提醒函', letterId: expect.any(String) })]);
    expect((await steps({ departmentCode: f.departments.other, to: '2020-01-31' }).expect(200)).body.total).toBe(0);

    const auditor = bearer({ userId: 'audit-1', departmentCode: 'SJJ', roles: [Roles.auditor] });
    await steps({}, auditor).expect(200);
    await steps({}, bearer({ userId: 'spj-1', departmentCode: f.departments.approval, roles: [Roles.approvalOfficer] })).expect(403);
    const backwards = await steps({ from: '2026-12-31', to: '2026-12-01' }).expect(400);
    expect(backwards.body.errors[0]).toMatchObject({ field: 'to', rules: { notBeforeFrom: expect.any(String) } });
    await steps({ step: '约谈' }).expect(400);
  });
});
