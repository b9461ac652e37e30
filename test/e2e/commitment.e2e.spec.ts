import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { commitmentStateQuery, Roles, SupervisionEventTypes } from '@cityworks/contracts';
import { bearer, randomUscc, reformOffice, waitFor } from '@cityworks/testing';
import { acceptApplicationRequest } from '../../services/approval/testing/accept-application.fixture';
import { registerProject } from '../../services/approval/testing/projects.fixture';
import { RunningServices, startRunningServices } from './support/running-services';

/**
 * 告知承诺核查 across the real services: approval decides on commitment → Kafka → supervision
 * opens the commitment and starts its workflow → the supervising department records what it
 * found, or does not → the workflow revokes through approval and cancels eligibility, or the
 * ladder issues real numbered letters. Postgres and Kafka are the real servers; Temporal is the
 * time-skipping test server, so weeks of working days pass in seconds.
 */
describe('告知承诺 → 核查 → 失信 consequences or the escalation ladder (end to end)', () => {
  let system: RunningServices;
  let env: TestWorkflowEnvironment;
  let approval: INestApplication;
  let supervision: INestApplication;
  let credit: INestApplication;

  const approver = bearer({ userId: 'spj-1', departmentCode: 'AS-XZSPJ', roles: [Roles.approvalOfficer] });
  const supervisor = bearer({ userId: 'zjj-1', departmentCode: 'AS-ZJJ', roles: [Roles.supervisionOfficer] });

  beforeAll(async () => {
    system = await startRunningServices();
    ({ env, approval, supervision, credit } = system);
  });

  afterAll(async () => {
    await system?.stop();
  });

  /** An application approved on commitment for a subject of its own, and the commitment supervision opened for it. */
  async function approvedOnCommitment(ownerUscc = randomUscc()) {
    const projectCode = await registerProject(approval, `E2E-CM-${Date.now().toString(36)}`, { ownerUscc });
    const accepted = await request(approval.getHttpServer())
      .post('/applications')
      .set('authorization', approver)
      .send(acceptApplicationRequest(projectCode, { ownerUscc, onCommitment: true }))
      .expect(201);
    const applicationId: string = accepted.body.id;
    await request(approval.getHttpServer())
      .post(`/applications/${applicationId}/decision`)
      .set('authorization', approver)
      .send({ decision: 'approved' })
      .expect(200);
    const commitment = await waitFor(
      'the commitment to open in supervision',
      async () => (await request(supervision.getHttpServer()).get('/commitments').set('authorization', supervisor).query({ applicationId })).body.items?.[0],
      { timeoutMs: 120_000, intervalMs: 250 },
    );
    return { applicationId, ownerUscc, projectCode, commitment };
  }

  it('a false commitment: the approval is revoked, the subject may not apply on commitment, 失信 goes out and the 复核 request waits for the approving department', async () => {
    const { applicationId, ownerUscc, projectCode, commitment } = await approvedOnCommitment();
    expect(commitment).toMatchObject({ status: 'awaiting-verification', supervisingDepartmentCode: 'AS-ZJJ', approvingDepartmentCode: 'AS-XZSPJ', ownerUscc });
    expect(commitment.workflowId).toBe(`commitment-${applicationId}`);
    const handle = env.client.workflow.getHandle(commitment.workflowId);
    await waitFor(
      'the commitment workflow to run',
      async () => (await handle.query(commitmentStateQuery).catch(() => undefined))?.status === 'awaiting-verification',
    );

    // only the supervising department verifies, and with evidence
    const check = {
      outcome: 'false-commitment',
      findings: '建设单位承诺的资金到位证明系伪造',
      evidence: [{ kind: '检查记录', reference: '鞍住建核〔2026〕5号' }],
      inspectedAt: new Date().toISOString(),
    };
    await request(supervision.getHttpServer()).post(`/commitments/${commitment.id}/checks`).set('authorization', approver).send(check).expect(403);
    const noEvidence = await request(supervision.getHttpServer())
      .post(`/commitments/${commitment.id}/checks`)
      .set('authorization', supervisor)
      .send({ ...check, evidence: [] })
      .expect(400);
    expect(JSON.stringify(noEvidence.body)).toContain('evidence must name at least one record or document');
    const broken = await request(supervision.getHttpServer())
      .post(`/commitments/${commitment.id}/checks`)
      .set('authorization', supervisor)
      .send(check)
      .expect(200);
    expect(broken.body).toMatchObject({ status: 'broken', review: { answeredAt: null } });
    expect(broken.body.ineligibleUntil).toBeTruthy();

    // the workflow revokes through approval (撤销行政审批决定)
    // the signal and the activity are delivered by relays and workers running beside the test: a busy machine gets time
    const revoked = await waitFor(
      'the approval to be revoked',
      async () => {
        const res = await request(approval.getHttpServer()).get(`/applications/${applicationId}`).set('authorization', approver).expect(200);
        return res.body.status === 'revoked' ? res.body : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 250 },
    );
    expect(revoked.revocation).toMatchObject({ source: '告知承诺核查不实' });
    expect(revoked.revocation.reason).toContain('建设单位承诺的资金到位证明系伪造');

    // eligibility cancelled: a new application on commitment from the subject is refused, naming the rule
    await waitFor('eligibility to be cancelled', async () => {
      const res = await request(approval.getHttpServer()).get(`/commitment-eligibility/${ownerUscc}`).set('authorization', approver).expect(200);
      return res.body.ineligibleUntil ? res.body : undefined;
    });
    const refused = await request(approval.getHttpServer())
      .post('/applications')
      .set('authorization', approver)
      .send(acceptApplicationRequest(projectCode, { ownerUscc, onCommitment: true }))
      .expect(422);
    // refused for the cancelled eligibility, or — once credit's grade has come back over Kafka — for 联合惩戒
    expect(refused.body.message).toMatch(
      new RegExp(`^onCommitment: ${ownerUscc} (may not apply on commitment \\(告知承诺资格已取消\\)|is graded D by credit)`),
    );
    const eligibility = (await request(approval.getHttpServer()).get(`/commitment-eligibility/${ownerUscc}`).set('authorization', approver).expect(200)).body;
    expect(eligibility).toMatchObject({ eligible: false, ineligibleUntil: broken.body.ineligibleUntil });

    // 失信 over Kafka: credit records a 严重 record from supervision's finding, grades the subject D
    // (联合惩戒), and approval hears of the grade over Kafka too
    const creditOfficer = bearer({ userId: 'xyb-1', departmentCode: 'AS-XYB', roles: [Roles.creditOfficer] });
    const standing = await waitFor(
      'credit to grade the subject D',
      async () => {
        const res = await request(credit.getHttpServer()).get(`/subjects/${ownerUscc}/credit`).set('authorization', creditOfficer).expect(200);
        return res.body.grade === 'D' ? res.body : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 250 },
    );
    expect(standing).toMatchObject({ jointPunishment: true });
    const records = (await request(credit.getHttpServer()).get('/credit-records').set('authorization', creditOfficer).query({ uscc: ownerUscc }).expect(200))
      .body;
    expect(records.items).toEqual([expect.objectContaining({ kind: 'bad', severity: 'severe', sourceType: 'commitment', sourceDepartmentCode: 'AS-ZJJ' })]);
    await waitFor(
      'approval to hear of the grade',
      async () =>
        (await request(approval.getHttpServer()).get(`/commitment-eligibility/${ownerUscc}`).set('authorization', approver).expect(200)).body.creditGrade ===
        'D',
      { timeoutMs: 120_000, intervalMs: 250 },
    );
    const refusedForCredit = await request(approval.getHttpServer())
      .post('/applications')
      .set('authorization', approver)
      .send(acceptApplicationRequest(projectCode, { ownerUscc, onCommitment: true }))
      .expect(422);
    expect(refusedForCredit.body.message).toBe(
      `onCommitment: ${ownerUscc} is graded D by credit and on the joint-punishment list (联合惩戒): no approval on commitment`,
    );
    // without commitment the subject may still apply
    const plain = await request(approval.getHttpServer())
      .post('/applications')
      .set('authorization', approver)
      .send(acceptApplicationRequest(projectCode, { ownerUscc }))
      .expect(201);
    await request(approval.getHttpServer())
      .post(`/applications/${plain.body.id}/decision`)
      .set('authorization', approver)
      .send({ decision: 'approved' })
      .expect(200);

    // 失信 and the 复核 request are out, once each
    const supervisionDb = supervision.get(DataSource);
    const events = await supervisionDb.query(`SELECT type FROM outbox_events WHERE subject = $1 ORDER BY type`, [commitment.id]);
    expect(events.map((e: { type: string }) => e.type)).toEqual(
      [SupervisionEventTypes.commitmentBroken, SupervisionEventTypes.commitmentReviewRequested, SupervisionEventTypes.commitmentVerificationOpened].sort(),
    );
    const state = await waitFor('the workflow to wait for the 复核', async () => {
      const s = await handle.query(commitmentStateQuery);
      return s.status === 'awaiting-review' ? s : undefined;
    });
    expect(state).toMatchObject({ revoked: true, eligibilityCancelled: true, dueAt: broken.body.review.replyDueAt });

    // the approving department answers the 复核; the workflow ends
    await request(supervision.getHttpServer())
      .post(`/commitments/${commitment.id}/review/answer`)
      .set('authorization', supervisor)
      .send({ answer: '经复核' })
      .expect(403);
    await request(supervision.getHttpServer())
      .post(`/commitments/${commitment.id}/review/answer`)
      .set('authorization', approver)
      .send({ answer: '经复核，申请人以虚假承诺取得许可，已依法撤销' })
      .expect(200);
    await waitFor('the answer to reach the workflow', async () => (await handle.query(commitmentStateQuery)).status === 'closed-breached');
    expect(await handle.result()).toMatchObject({ status: 'closed-breached', revoked: true });
  }, 360_000);

  it('not verified: the supervising department gets a 预警, then a numbered 提醒函, then a 督办函 copied to the 工改办', async () => {
    const { commitment } = await approvedOnCommitment();
    const handle = env.client.workflow.getHandle(commitment.workflowId);
    await waitFor(
      'the commitment workflow to run',
      async () => (await handle.query(commitmentStateQuery).catch(() => undefined))?.status === 'awaiting-verification',
    );

    // 20 working days to verify, then 5 and 5 of grace: ten weeks covers any holiday period
    await env.sleep('70 days');
    const fired = await waitFor(
      'the verification ladder to reach 通报',
      async () => {
        const f = (await handle.query(commitmentStateQuery)).escalation.verification?.fired ?? [];
        return f.length === 4 ? f : undefined;
      },
      { timeoutMs: 120_000 },
    );
    expect(fired.map((f) => f.rung)).toEqual(['预警', '提醒函', '督办函', '通报']);
    expect(fired[1].dueAt).toBe(commitment.dueAt);

    const letter = async (id: string) =>
      (await request(supervision.getHttpServer()).get(`/letters/${id}`).set('authorization', reformOffice()).expect(200)).body;
    const reminder = await letter(fired[1].letter!.letterId);
    const escalated = await letter(fired[2].letter!.letterId);
    expect(reminder).toMatchObject({
      kind: '提醒函',
      addressee: { departmentCode: 'AS-ZJJ' },
      obligation: { kind: 'commitment-verification', id: commitment.id },
    });
    expect(reminder.number).toMatch(/^鞍工改办提〔\d{4}〕\d+号$/);
    expect(escalated).toMatchObject({ kind: '督办函', addressee: { departmentCode: 'AS-ZJJ' }, copyTo: { departmentCode: 'AS-GGB' } });
    expect(escalated.number).toMatch(/^鞍工改办督〔\d{4}〕\d+号$/);

    // a late verification still closes it
    const late = await request(supervision.getHttpServer())
      .post(`/commitments/${commitment.id}/checks`)
      .set('authorization', supervisor)
      .send({
        outcome: 'fulfilled',
        findings: '承诺事项已履行',
        evidence: [{ kind: '证明材料', reference: 'urn:doc:2026-77' }],
        inspectedAt: new Date().toISOString(),
      })
      .expect(200);
    expect(late.body.checks[0]).toMatchObject({ outcome: 'fulfilled' });
    await waitFor('the check to reach the workflow', async () => (await handle.query(commitmentStateQuery)).status === 'fulfilled');
    expect((await handle.result()).status).toBe('fulfilled');
  }, 360_000);
});
