import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import { ApprovalDecidedV1, Roles, SupervisionEventTypes } from '@cityworks/contracts';
import { EventConsumer } from '@cityworks/messaging';
import { TEMPORAL_CLIENT } from '@cityworks/temporal';
import { bearer, isolateKafkaConsumers, randomUscc, startServiceApp, waitFor } from '@cityworks/testing';
import { AppModule } from '../app.module';
import { ApprovalDecidedHandler } from '../events/approval-decided.handler';
import { approvalDecidedEvent } from '../../testing/approval-decided.fixture';

/**
 * 告知承诺核查 in supervision against the real Postgres and Temporal dev server (namespace
 * cityworks-test): decisions are handed to the consumer's inbox path directly (Kafka delivery and
 * the workflow's consequences are the end-to-end test's).
 */
describe('commitments (告知承诺核查)', () => {
  let app: INestApplication;
  let db: DataSource;

  // approved on commitment in 铁西区, 3 working days to verify, a subject of its own
  const decision = (overrides: Partial<ApprovalDecidedV1> = {}) =>
    approvalDecidedEvent({
      projectCode: 'P-CM-1',
      regionCode: '210303',
      ownerUscc: randomUscc(),
      onCommitment: true,
      supervisionFeedbackWorkingDays: 5,
      commitmentVerificationWorkingDays: 3,
      ...overrides,
    });
  const supervisor = bearer({ userId: 'zjj-1', departmentCode: 'AS-ZJJ', roles: [Roles.supervisionOfficer] });
  const approver = bearer({ userId: 'spj-1', departmentCode: 'AS-XZSPJ', roles: [Roles.approvalOfficer] });
  const outsider = bearer({ userId: 'hb-1', departmentCode: 'AS-HBJ', roles: [Roles.supervisionOfficer] });
  const post = (url: string, token = supervisor) => request(app.getHttpServer()).post(url).set('authorization', token);
  const get = (url: string, token = supervisor) => request(app.getHttpServer()).get(url).set('authorization', token);
  const evidence = [{ kind: '检查记录', reference: '鞍住建核〔2026〕9号' }];
  const check = (overrides: Record<string, unknown> = {}) => ({
    outcome: 'fulfilled',
    findings: '承诺属实',
    evidence,
    inspectedAt: '2026-10-09T10:00:00+08:00',
    ...overrides,
  });

  beforeAll(async () => {
    isolateKafkaConsumers();
    app = await startServiceApp(AppModule);
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await app?.close();
  });

  async function open(overrides: Partial<ApprovalDecidedV1> = {}) {
    const event = decision(overrides);
    expect(await app.get(EventConsumer).handleOnce(event, app.get(ApprovalDecidedHandler))).toBe('applied');
    const res = await get('/commitments').query({ applicationId: event.data.applicationId }).expect(200);
    return { event, commitment: res.body.items[0], total: res.body.total };
  }

  it('opens one commitment per decision on commitment, due after the verification period across National Day, and starts its workflow', async () => {
    const { event, commitment, total } = await open();
    expect(total).toBe(1);
    // decided 2026-09-30; 10-01…10-07 off, 10-10 (Sat) a make-up working day: 10-08, 10-09, 10-10
    expect(commitment).toMatchObject({ status: 'awaiting-verification', dueAt: '2026-10-10T15:59:59.999Z', supervisingDepartmentCode: 'AS-ZJJ', checks: [] });
    expect(commitment.workflowId).toBe(`commitment-${event.data.applicationId}`);
    expect(await app.get(EventConsumer).handleOnce(event, app.get(ApprovalDecidedHandler))).toBe('duplicate');
    const handle = app.get<Client>(TEMPORAL_CLIENT).workflow.getHandle(commitment.workflowId);
    const described = await waitFor('the workflow to start', () => handle.describe().catch(() => undefined));
    expect(described.searchAttributes).toMatchObject({
      ObligationKind: ['commitment-verification'],
      DepartmentCode: ['AS-ZJJ'],
      OwnerUscc: [event.data.ownerUscc],
    });
  });

  it('opens none for a decision not on commitment, or a refusal', async () => {
    expect((await open({ onCommitment: false, commitmentVerificationWorkingDays: null })).total).toBe(0);
    expect((await open({ decision: 'rejected', commitmentVerificationWorkingDays: null })).total).toBe(0);
  });

  it('parks a decision on commitment without a verification period: retrying cannot fix it', async () => {
    const event = decision({ commitmentVerificationWorkingDays: null });
    await expect(app.get(EventConsumer).handleOnce(event, app.get(ApprovalDecidedHandler))).rejects.toThrow(/commitmentVerificationWorkingDays/);
  });

  it('records a minor breach with its rectification and re-check deadlines, then the re-check; tells the workflow each time', async () => {
    const { commitment } = await open();
    const minor = await post(`/commitments/${commitment.id}/checks`)
      .send(check({ outcome: 'minor-breach', findings: '消防设施未按承诺完善', rectificationWorkingDays: 5 }))
      .expect(200);
    expect(minor.body).toMatchObject({ status: 'rectifying', checks: [{ outcome: 'minor-breach', recordedBy: 'zjj-1' }] });
    expect(minor.body.checks[0].rectificationDueAt).toBeTruthy();
    expect(minor.body.dueAt).toBe(minor.body.checks[0].recheckDueAt);
    const second = await post(`/commitments/${commitment.id}/checks`)
      .send(check({ outcome: 'minor-breach', rectificationWorkingDays: 5 }))
      .expect(422);
    expect(second.body.message).toContain('a rectification is ordered once');
    const fulfilled = await post(`/commitments/${commitment.id}/checks`).send(check()).expect(200);
    expect(fulfilled.body).toMatchObject({ status: 'fulfilled' });
    await post(`/commitments/${commitment.id}/checks`).send(check()).expect(409);
    const events = await db.query('SELECT type FROM outbox_events WHERE subject = $1 ORDER BY created_at', [commitment.id]);
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      SupervisionEventTypes.commitmentVerificationOpened,
      SupervisionEventTypes.commitmentRectificationOrdered,
      SupervisionEventTypes.commitmentKept,
    ]);
    const signals = await db.query(`SELECT count(*)::int AS n FROM workflow_commands WHERE workflow_id = $1 AND kind = 'signal'`, [commitment.workflowId]);
    expect(signals[0].n).toBe(2);
  });

  it('validates input: findings, evidence, instants, rectification period, ids, filters', async () => {
    const { commitment } = await open();
    const url = `/commitments/${commitment.id}/checks`;
    expect(
      (
        await post(url)
          .send(check({ evidence: [] }))
          .expect(400)
      ).body.errors[0].field,
    ).toBe('evidence');
    expect(
      (
        await post(url)
          .send(check({ inspectedAt: '2026-10-09 10:00' }))
          .expect(400)
      ).body.errors[0].field,
    ).toBe('inspectedAt');
    expect(
      (
        await post(url)
          .send(check({ inspectedAt: '2026-02-30T10:00:00+08:00' }))
          .expect(400)
      ).body.errors[0].field,
    ).toBe('inspectedAt');
    expect(
      (
        await post(url)
          .send(check({ outcome: 'maybe' }))
          .expect(400)
      ).body.errors[0].field,
    ).toBe('outcome');
    expect(
      (
        await post(url)
          .send(check({ findings: '   ' }))
          .expect(400)
      ).body.errors[0].field,
    ).toBe('findings');
    expect(
      (
        await post(url)
          .send(check({ inspectedAt: '2026-09-01T10:00:00+08:00' }))
          .expect(422)
      ).body.message,
    ).toContain('inspectedAt must not be before');
    expect(
      (
        await post(url)
          .send(check({ inspectedAt: '2099-01-01T10:00:00+08:00' }))
          .expect(422)
      ).body.message,
    ).toContain('inspectedAt must not be in the future');
    expect(
      (
        await post(url)
          .send(check({ outcome: 'minor-breach' }))
          .expect(422)
      ).body.message,
    ).toContain('rectificationWorkingDays is required');
    expect(
      (
        await post(url)
          .send(check({ rectificationWorkingDays: 61, outcome: 'minor-breach' }))
          .expect(400)
      ).body.errors[0].field,
    ).toBe('rectificationWorkingDays');
    await post(`/commitments/${randomUUID()}/checks`).send(check()).expect(404);
    await get('/commitments/123').expect(400);
    await get('/commitments').query({ status: 'lost' }).expect(400);
    await get('/commitments').query({ ownerUscc: '91350100M000100Y44' }).expect(400);
    // nothing was half-written
    expect((await get(`/commitments/${commitment.id}`).expect(200)).body).toMatchObject({ status: 'awaiting-verification', checks: [] });
  });

  it('keeps commitments to the supervising department and the approving one; the 复核 is the approving department’s to answer', async () => {
    const { commitment } = await open();
    await get(`/commitments/${commitment.id}`, outsider).expect(404);
    await post(`/commitments/${commitment.id}/checks`, outsider).send(check()).expect(404);
    await post(`/commitments/${commitment.id}/checks`, approver).send(check()).expect(403);
    await post(`/commitments/${commitment.id}/review/answer`, approver).send({ answer: '已复核' }).expect(409);
    const broken = await post(`/commitments/${commitment.id}/checks`)
      .send(check({ outcome: 'serious-breach', findings: '实际建设内容与承诺严重不符' }))
      .expect(200);
    expect(broken.body).toMatchObject({ status: 'broken', review: { answeredAt: null, answer: null } });
    await post(`/commitments/${commitment.id}/review/answer`).send({ answer: '已复核' }).expect(403);
    const answered = await post(`/commitments/${commitment.id}/review/answer`, approver).send({ answer: '经复核，已依法撤销' }).expect(200);
    expect(answered.body.review).toMatchObject({ answer: '经复核，已依法撤销' });
    await post(`/commitments/${commitment.id}/review/answer`, approver).send({ answer: '再次' }).expect(409);
    const types = await db.query('SELECT type FROM outbox_events WHERE subject = $1 ORDER BY created_at, type', [commitment.id]);
    expect(types.map((e: { type: string }) => e.type)).toEqual([
      SupervisionEventTypes.commitmentVerificationOpened,
      SupervisionEventTypes.commitmentBroken,
      SupervisionEventTypes.commitmentReviewRequested,
      SupervisionEventTypes.commitmentReviewAnswered,
    ]);
    expect((await get('/commitments', approver).query({ ownerUscc: commitment.ownerUscc })).body.total).toBe(1);
    expect((await get('/commitments', outsider).query({ ownerUscc: commitment.ownerUscc })).body.total).toBe(0);
  });
});
