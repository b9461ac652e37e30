import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { CreditGradeChangedV1, IntegrationEvent, Roles } from '@cityworks/contracts';
import { EventConsumer } from '@cityworks/messaging';
import { bearer, isolateKafkaConsumers, randomUscc, startServiceApp } from '@cityworks/testing';
import { AppModule } from '../app.module';
import { creditGradeChanged } from '../../testing/credit-grade-changed.fixture';
import { acceptApplicationRequest } from '../../testing/accept-application.fixture';
import { registerProject } from '../../testing/projects.fixture';
import { seedApprovalItem } from '../../testing/catalog-items.fixture';
import { CreditGradeChangedHandler } from './events/credit-grade-changed.handler';
import { CommitmentEligibilityService } from './commitment-eligibility.service';

/** 告知承诺资格 against the real Postgres: credit's grades kept from their events, and cancellations, as 受理 sees them. */
describe('commitment eligibility', () => {
  let app: INestApplication;
  const officer = bearer({ userId: 'spj-officer', departmentCode: 'AS-XZSPJ', roles: [Roles.approvalOfficer] });
  const post = (url: string) => request(app.getHttpServer()).post(url).set('authorization', officer);
  const get = (url: string) => request(app.getHttpServer()).get(url).set('authorization', officer);
  const deliver = (event: IntegrationEvent<CreditGradeChangedV1>) => app.get(EventConsumer).handleOnce(event, app.get(CreditGradeChangedHandler));

  beforeAll(async () => {
    isolateKafkaConsumers();
    app = await startServiceApp(AppModule);
    await seedApprovalItem(app, { code: 'JS-SGXK-001' });
  });

  afterAll(async () => {
    await app?.close();
  });

  async function subjectWithProject() {
    const uscc = randomUscc();
    const projectCode = await registerProject(app, `T-EL-${Date.now().toString(36)}-${Math.round(Math.random() * 1e6)}`, { ownerUscc: uscc });
    return { uscc, projectCode };
  }

  it('refuses 受理 on commitment for a subject credit grades D, naming the rule; without commitment it is accepted', async () => {
    const { uscc, projectCode } = await subjectWithProject();
    expect(await deliver(creditGradeChanged(uscc, 1, 'D'))).toBe('applied');
    const refused = await post('/applications')
      .send(acceptApplicationRequest(projectCode, { ownerUscc: uscc, onCommitment: true }))
      .expect(422);
    expect(refused.body.message).toBe(`onCommitment: ${uscc} is graded D by credit and on the joint-punishment list (联合惩戒): no approval on commitment`);
    expect((await get('/applications').query({ projectCode })).body.total).toBe(0);
    await post('/applications')
      .send(acceptApplicationRequest(projectCode, { ownerUscc: uscc }))
      .expect(201);
    expect((await get(`/commitment-eligibility/${uscc}`).expect(200)).body).toMatchObject({
      eligible: false,
      creditGrade: 'D',
      jointPunishment: true,
      ineligibleUntil: null,
    });
  });

  it('keeps the newest grade when changes arrive out of order', async () => {
    const { uscc, projectCode } = await subjectWithProject();
    await deliver(creditGradeChanged(uscc, 2, 'B'));
    await deliver(creditGradeChanged(uscc, 1, 'D'));
    expect((await get(`/commitment-eligibility/${uscc}`).expect(200)).body).toMatchObject({ eligible: true, creditGrade: 'B', jointPunishment: false });
    await post('/applications')
      .send(acceptApplicationRequest(projectCode, { ownerUscc: uscc, onCommitment: true }))
      .expect(201);
  });

  it('marks the applications of a subject credit grades A for the green channel (绿色通道), and no one else’s', async () => {
    const { uscc, projectCode } = await subjectWithProject();
    const before = await post('/applications')
      .send(acceptApplicationRequest(projectCode, { ownerUscc: uscc }))
      .expect(201);
    expect(before.body.greenChannel).toBe(false);
    await deliver(creditGradeChanged(uscc, 1, 'A'));
    const after = await post('/applications')
      .send(acceptApplicationRequest(projectCode, { ownerUscc: uscc, onCommitment: true }))
      .expect(201);
    expect(after.body).toMatchObject({ greenChannel: true, onCommitment: true });
    expect((await get(`/applications/${after.body.id}`).expect(200)).body.greenChannel).toBe(true);
  });

  it('parks a grade change it cannot keep', async () => {
    const event = creditGradeChanged(randomUscc(), 1, 'D');
    await expect(deliver({ ...event, data: { ...event.data, version: 0 } })).rejects.toThrow(/lacks a valid uscc, gradeAfter, version or changedAt/);
  });

  it('refuses 受理 on commitment while a cancellation is in force, and counts it once per commitment', async () => {
    const { uscc, projectCode } = await subjectWithProject();
    const eligibility = app.get(CommitmentEligibilityService);
    const cancellation = {
      ownerUscc: uscc,
      commitmentId: randomUUID(),
      applicationId: randomUUID(),
      until: new Date(Date.now() + 86400_000 * 30).toISOString(),
      reason: '告知承诺核查不实：测试',
    };
    expect(await eligibility.cancel(cancellation)).toEqual({ cancelled: true });
    expect(await eligibility.cancel(cancellation)).toEqual({ cancelled: false });
    const refused = await post('/applications')
      .send(acceptApplicationRequest(projectCode, { ownerUscc: uscc, onCommitment: true }))
      .expect(422);
    expect(refused.body.message).toContain('告知承诺资格已取消');
    const shown = (await get(`/commitment-eligibility/${uscc}`).expect(200)).body;
    expect(shown).toMatchObject({
      eligible: false,
      ineligibleUntil: cancellation.until,
      cancellations: [{ commitmentId: cancellation.commitmentId, reason: cancellation.reason }],
    });
    await get('/commitment-eligibility/91350100M000100Y44').expect(400);
  });
});
