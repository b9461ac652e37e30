import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { CreditGradeChangedV1, IntegrationEvent, Roles } from '@cityworks/contracts';
import { EventConsumer } from '@cityworks/messaging';
import { bearer, isolateKafkaConsumers, randomUscc, startServiceApp, waitFor } from '@cityworks/testing';
import { AppModule } from '../app.module';
import { creditGradeChanged } from '../../testing/credit-grade-changed.fixture';
import { CreditGradeChangedHandler } from '../commitment-eligibility/events/credit-grade-changed.handler';
import { CommitmentEligibilityService } from '../commitment-eligibility/commitment-eligibility.service';
import { CreditStandingIndex } from './credit-standing.index';

/** 信用查询 against the real Postgres: approval's copy of the grade and its cancellations, as one answer. */
describe('credit standing', () => {
  let app: INestApplication;
  const officer = bearer({ userId: 'spj-officer', departmentCode: 'AS-XZSPJ', roles: [Roles.approvalOfficer] });
  const get = (url: string) => request(app.getHttpServer()).get(url).set('authorization', officer);
  const deliver = (event: IntegrationEvent<CreditGradeChangedV1>) => app.get(EventConsumer).handleOnce(event, app.get(CreditGradeChangedHandler));
  /** The index hears of a change on commit, a moment after the write returned. */
  const indexed = (uscc: string, grade: string | null) =>
    waitFor(`the index to grade ${uscc} ${grade}`, async () => app.get(CreditStandingIndex).standing(uscc, new Date())?.grade === grade);

  beforeAll(async () => {
    isolateKafkaConsumers();
    app = await startServiceApp(AppModule);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('answers the grade and each restricted action of a subject on the joint-punishment list', async () => {
    const uscc = randomUscc();
    await deliver(creditGradeChanged(uscc, 1, 'D'));
    await indexed(uscc, 'D');
    const standing = (await get(`/credit-standing/${uscc}`).expect(200)).body;
    expect(standing).toMatchObject({ uscc, grade: 'D', jointPunishment: true, greenChannel: false, cautiousReview: true });
    expect(standing.actions).toEqual([
      { action: 'apply-on-commitment', restricted: true, reason: 'graded D and on the joint-punishment list (联合惩戒)' },
      { action: 'tolerant-acceptance', restricted: true, reason: '容缺受理 is for the green channel (grade A); graded D' },
    ]);
    expect((await get(`/credit-standing/${uscc}/actions/apply-on-commitment`).expect(200)).body.restricted).toBe(true);
  });

  it('names a cancellation in force, and lets a subject graded A use the green channel', async () => {
    const uscc = randomUscc();
    await deliver(creditGradeChanged(uscc, 1, 'A'));
    await indexed(uscc, 'A');
    expect((await get(`/credit-standing/${uscc}/actions/tolerant-acceptance`).expect(200)).body).toEqual({
      action: 'tolerant-acceptance',
      restricted: false,
      reason: null,
    });
    const until = new Date(Date.now() + 86_400_000).toISOString();
    await app.get(CommitmentEligibilityService).cancel({ ownerUscc: uscc, commitmentId: randomUUID(), applicationId: randomUUID(), reason: '承诺不实', until });
    await waitFor('the index to hold the cancellation', async () => app.get(CreditStandingIndex).standing(uscc, new Date())?.actions[0].restricted);
    expect((await get(`/credit-standing/${uscc}/actions/apply-on-commitment`).expect(200)).body).toEqual({
      action: 'apply-on-commitment',
      restricted: true,
      reason: `告知承诺资格 cancelled until ${until}: 承诺不实`,
    });
  });

  it('refuses an invalid code or an unknown action with 400 naming it', async () => {
    expect((await get('/credit-standing/91110000100000000X').expect(400)).body.message).toBe('uscc must be a valid 18-character 统一社会信用代码 (GB 32100)');
    const uscc = randomUscc();
    expect((await get(`/credit-standing/${uscc}/actions/fly`).expect(400)).body.message).toContain('action must be one of');
  });
});
