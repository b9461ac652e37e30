import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { chinaDateOf } from '@cityworks/calendar';
import { publicationStateQuery, publicationWorkflowId, Roles } from '@cityworks/contracts';
import { bearer, randomUscc, reformOffice, waitFor } from '@cityworks/testing';
import { acceptApplicationRequest } from '../../services/approval/testing/accept-application.fixture';
import { registerProject } from '../../services/approval/testing/projects.fixture';
import { RunningServices, startRunningServices } from './support/running-services';

/**
 * A 严重 行政处罚 across the real services: recorded at supervision's API, its outbox puts
 * `supervision.penalty-decided.v1` on Kafka → credit records the 失信, grades the subject D (联合惩戒)
 * and opens the penalty's 双公示 → approval hears of the grade over Kafka and refuses commitment mode; the publication not made within
 * 7 working days climbs the ladder with real numbered letters. Postgres and Kafka are the real
 * servers; Temporal is the time-skipping test server.
 */
describe('行政处罚 → 失信 → 联合惩戒 and 双公示 on the ladder (end to end)', () => {
  let system: RunningServices;
  let env: TestWorkflowEnvironment;
  let approval: INestApplication;
  let supervision: INestApplication;
  let credit: INestApplication;

  const approver = bearer({ userId: 'spj-1', departmentCode: 'AS-XZSPJ', roles: [Roles.approvalOfficer] });
  const zjjCredit = bearer({ userId: 'zjj-xy-1', departmentCode: 'AS-ZJJ', roles: [Roles.creditOfficer] });
  const zjjInspector = bearer({ userId: 'zjj-zf-1', departmentCode: 'AS-ZJJ', roles: [Roles.supervisionOfficer] });

  beforeAll(async () => {
    system = await startRunningServices();
    ({ env, approval, supervision, credit } = system);
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('a 严重 penalty puts the subject on the joint-punishment list, approval refuses it commitment mode, and its publication escalates when not made', async () => {
    const ownerUscc = randomUscc();
    const projectCode = await registerProject(approval, `E2E-PN-${Date.now().toString(36)}`, { ownerUscc });
    // the 住建局 records its 行政处罚 through supervision's API; its outbox carries supervision.penalty-decided.v1 to Kafka
    const penalty = {
      supervisionItemCode: 'JG-JZSG-001',
      subjectName: '鞍山市端到端建设有限公司',
      subjectUscc: ownerUscc,
      regionCode: '210302',
      legalRepresentative: '周某',
      documentNumber: `鞍住建罚〔2026〕${randomUUID().slice(0, 8)}号`,
      violationType: '未取得施工许可证擅自施工',
      facts: '未取得施工许可证擅自施工，拒不改正',
      legalBasis: '《建筑工程施工许可管理办法》第十二条',
      categories: ['罚款'],
      content: '责令停止施工，处罚款贰拾万元整',
      fineAmount: '200000',
      decisionDate: chinaDateOf(new Date()),
      validUntil: '2029-12-31',
      severity: 'severe',
    };
    const recorded = await request(supervision.getHttpServer())
      .post('/supervision-actions/penalties')
      .set('authorization', zjjInspector)
      .send(penalty)
      .expect(201);
    expect(recorded.body).toMatchObject({ kind: 'penalty', departmentCode: 'AS-ZJJ', status: 'reported' });

    const standing = await waitFor(
      'credit to grade the subject D',
      async () => {
        const res = await request(credit.getHttpServer()).get(`/subjects/${ownerUscc}/credit`).set('authorization', zjjCredit).expect(200);
        return res.body.grade === 'D' ? res.body : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 250 },
    );
    expect(standing).toMatchObject({ jointPunishment: true, activeBadRecords: { severe: 1 } });
    await waitFor(
      'approval to hear of the grade',
      async () =>
        (await request(approval.getHttpServer()).get(`/commitment-eligibility/${ownerUscc}`).set('authorization', approver).expect(200)).body.creditGrade ===
        'D',
      { timeoutMs: 120_000, intervalMs: 250 },
    );
    const refused = await request(approval.getHttpServer())
      .post('/applications')
      .set('authorization', approver)
      .send(acceptApplicationRequest(projectCode, { ownerUscc, onCommitment: true }))
      .expect(422);
    expect(refused.body.message).toBe(
      `onCommitment: ${ownerUscc} is graded D by credit and on the joint-punishment list (联合惩戒): no approval on commitment`,
    );

    // 双公示: the penalty waits for the 住建局's credit desk; its workflow runs
    const publication = (await request(credit.getHttpServer()).get('/publications').set('authorization', zjjCredit).query({ uscc: ownerUscc }).expect(200)).body
      .items[0];
    expect(publication).toMatchObject({
      kind: 'penalty',
      status: 'pending',
      departmentCode: 'AS-ZJJ',
      fields: { documentNumber: penalty.documentNumber, fineAmount: '20' },
    });
    const handle = env.client.workflow.getHandle(publicationWorkflowId(publication.id));
    await waitFor('the publication workflow to run', async () => (await handle.query(publicationStateQuery).catch(() => undefined))?.status === 'pending', {
      timeoutMs: 120_000,
    });

    // not published: 7 working days, then 3 and 3 of grace — six weeks covers any holiday period
    await env.sleep('42 days');
    const fired = await waitFor(
      'the publication ladder to reach 通报',
      async () => {
        const f = (await handle.query(publicationStateQuery)).escalation.fired;
        return f.length === 4 ? f : undefined;
      },
      { timeoutMs: 120_000 },
    );
    expect(fired.map((f) => f.rung)).toEqual(['预警', '提醒函', '督办函', '通报']);
    expect(fired[1].dueAt).toBe(publication.dueAt);
    const reminder = (await request(supervision.getHttpServer()).get(`/letters/${fired[1].letter?.letterId}`).set('authorization', reformOffice()).expect(200))
      .body;
    expect(reminder).toMatchObject({ kind: '提醒函', addressee: { departmentCode: 'AS-ZJJ' }, obligation: { kind: 'publication', id: publication.id } });
    expect(reminder.number).toMatch(/^鞍工改办提〔\d{4}〕\d+号$/);

    // published late: it goes on the public register and the workflow ends
    await request(credit.getHttpServer())
      .patch(`/publications/${publication.id}`)
      .set('authorization', zjjCredit)
      .send({ authority: '鞍山市住房和城乡建设局', authorityCode: '11210300001234567L', dataSource: '鞍山市住房和城乡建设局' })
      .expect(200);
    await request(credit.getHttpServer()).post(`/publications/${publication.id}/publish`).set('authorization', zjjCredit).expect(200);
    // the signal travels by credit's workflow outbox: wait for it (a query does not skip time) before the result
    await waitFor('the workflow to hear of the publication', async () => (await handle.query(publicationStateQuery)).status === 'published', {
      timeoutMs: 60_000,
    });
    expect(await handle.result()).toMatchObject({ status: 'published' });
    const register = (await request(credit.getHttpServer()).get('/public/credit-register').query({ q: ownerUscc }).expect(200)).body;
    expect(register.items).toEqual([expect.objectContaining({ id: publication.id, kind: 'penalty' })]);
  }, 360_000);
});
