import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { chinaDateOf } from '@cityworks/calendar';
import { Roles } from '@cityworks/contracts';
import { bearer, randomUscc, reformOffice, waitFor } from '@cityworks/testing';
import { acceptApplicationRequest } from '../../../services/approval/testing/accept-application.fixture';
import { registerProject } from '../../../services/approval/testing/projects.fixture';
import type { PortalStack } from './portal-stack';

/** What the browser tests look for, as created through the services' APIs. */
export interface SampleCity {
  projectCodes: string[];
  /** the published 双随机 campaign */
  campaignId: string;
  /** the subject of the penalty on the public register */
  penalizedUscc: string;
  penalizedName: string;
}

const run = Date.now().toString(36).toUpperCase();

/** supertest's expect(status), naming what the service said when it answered otherwise. */
const answers = (status: number) => (res: request.Response) => {
  if (res.status !== status) throw new Error(`answered ${res.status}, expected ${status}: ${JSON.stringify(res.body)}`);
};
const approver = bearer({ userId: 'spj-browser', departmentCode: 'AS-XZSPJ', roles: [Roles.approvalOfficer] });
const zjjInspector = bearer({ userId: 'zjj-browser', departmentCode: 'AS-ZJJ', roles: [Roles.supervisionOfficer] });
const zjjCredit = bearer({ userId: 'zjj-xy-browser', departmentCode: 'AS-ZJJ', roles: [Roles.creditOfficer] });

/**
 * A small city, made the way the desks make it: projects of two types with parallel applications
 * (some decided, one with a refused clock-stop), a 行政处罚 by the 住建局 whose 双公示 is published
 * late, a 双随机 campaign drawn, checked and published, and a complaint answered. Then 42 days are
 * skipped on the time-skipping server, so the ladders of the open applications and of the late
 * publication issue real 提醒函 and 督办函 to two different departments.
 */
export async function buildSampleCity(stack: PortalStack): Promise<SampleCity> {
  const { approval, supervision, credit, env } = stack.system;
  const a = () => request(approval.getHttpServer());
  const s = () => request(supervision.getHttpServer());
  const c = () => request(credit.getHttpServer());

  // 办件: two projects of two types, parallel applications, decided and open
  const projectCodes = [
    await registerProject(approval, `BR-${run}-JYDFX`, { name: '浏览器测试仓储用房', type: '社会投资简易低风险' }),
    await registerProject(approval, `BR-${run}-ZFTZ`, { name: '浏览器测试学校教学楼', type: '政府投资房屋建筑' }),
  ];
  const accept = async (projectCode: string) =>
    (await a().post('/applications').set('authorization', approver).send(acceptApplicationRequest(projectCode)).expect(answers(201))).body.id as string;
  const decided = [await accept(projectCodes[0]), await accept(projectCodes[1])];
  const open = [await accept(projectCodes[0]), await accept(projectCodes[1])];
  for (const id of decided) await a().post(`/applications/${id}/decision`).set('authorization', approver).send({ decision: 'approved' }).expect(answers(200));
  // 不得违规暂停计时: 专家评审 is not an allowed stop for 施工许可 — refused and recorded
  await a().post(`/applications/${open[1]}/clock-stops`).set('authorization', approver).send({ reason: '专家评审', note: '等待专家' }).expect(422);

  // 行政处罚 by the 住建局 → credit opens its 双公示, due in 7 working days
  const penalizedUscc = randomUscc();
  const penalizedName = `鞍山市浏览器测试建设有限公司${run.slice(-4)}`;
  await s()
    .post('/supervision-actions/penalties')
    .set('authorization', zjjInspector)
    .send({
      supervisionItemCode: 'JG-JZSG-001',
      subjectName: penalizedName,
      subjectUscc: penalizedUscc,
      regionCode: '210302',
      legalRepresentative: '周某',
      documentNumber: `鞍住建罚〔2026〕${randomUUID().slice(0, 8)}号`,
      violationType: '未取得施工许可证擅自施工',
      facts: '未取得施工许可证擅自施工',
      legalBasis: '《建筑工程施工许可管理办法》第十二条',
      categories: ['罚款'],
      content: '责令停止施工，处罚款贰万元整',
      fineAmount: '20000',
      decisionDate: chinaDateOf(new Date()),
      validUntil: '2029-12-31',
      severity: 'minor',
    })
    .expect(answers(201));
  const publication = await waitFor(
    'credit to open the penalty’s publication',
    async () => (await c().get('/publications').set('authorization', zjjCredit).query({ uscc: penalizedUscc }).expect(answers(200))).body.items[0],
    { timeoutMs: 60_000, intervalMs: 250 },
  );

  const campaignId = await publishedCampaign(stack);

  // 42 days on: the open applications' and the publication's ladders issue their letters
  await waitFor('the application workflows to run', async () => {
    const handle = env.client.workflow.getHandle(`application-${open[0]}`);
    return (await handle.describe().catch(() => null))?.status.name === 'RUNNING';
  });
  await env.sleep('42 days');
  await waitFor(
    '督办函 to both late departments',
    async () => {
      const letters = (await s().get('/letters').set('authorization', reformOffice()).query({ kind: '督办函', pageSize: 200 }).expect(answers(200))).body.items;
      const to = new Set(letters.map((l: { addressee: { departmentCode: string } }) => l.addressee.departmentCode));
      return to.has('AS-XZSPJ') && to.has('AS-ZJJ');
    },
    { timeoutMs: 120_000, intervalMs: 500 },
  );

  // published late: on the public register from now on
  await c()
    .patch(`/publications/${publication.id}`)
    .set('authorization', zjjCredit)
    .send({ authority: '鞍山市住房和城乡建设局', authorityCode: '11210300001234567L', dataSource: '鞍山市住房和城乡建设局' })
    .expect(answers(200));
  await c().post(`/publications/${publication.id}/publish`).set('authorization', zjjCredit).expect(answers(200));

  await answeredComplaint(stack);

  // the 月度通报 of last month, made by hand as the 工改办 would for a past period
  const lastMonth = new Date(Date.now() + 8 * 3600_000);
  lastMonth.setUTCDate(1);
  lastMonth.setUTCMonth(lastMonth.getUTCMonth() - 1);
  const period = lastMonth.toISOString().slice(0, 7);
  await s().post('/oversight-reports').set('authorization', reformOffice()).send({ kind: 'monthly', period });
  await waitFor(
    `the ${period} 通报`,
    async () =>
      (await s().get('/oversight-reports').set('authorization', reformOffice()).query({ kind: 'monthly', period }).expect(answers(200))).body.total > 0,
    { timeoutMs: 120_000, intervalMs: 500 },
  );
  return { projectCodes, campaignId, penalizedUscc, penalizedName };
}

/** A 双随机 campaign of the 住建局 in a region of this run's own: announced, drawn, every check recorded, published. */
async function publishedCampaign(stack: PortalStack): Promise<string> {
  const s = () => request(stack.system.supervision.getHttpServer());
  const region = `28${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}`;
  const zjj = bearer({ userId: 'zjj-browser-campaign', departmentCode: 'AS-ZJJ', regionCode: region, roles: [Roles.supervisionOfficer] });
  const subjects = Array.from({ length: 3 }, () => randomUscc());
  await s()
    .post('/subjects/import')
    .set('authorization', zjj)
    .send({ subjects: subjects.map((uscc, i) => ({ uscc, name: `浏览器抽查对象${i}`, regionCode: region, riskLevel: 'medium' })) })
    .expect(answers(201));
  for (let i = 0; i < 2; i++)
    await s()
      .post('/inspectors')
      .set('authorization', zjj)
      .send({
        name: `检查员${i}`,
        departmentCode: 'AS-ZJJ',
        regionCode: region,
        certificateNumber: `ZF-BR-${randomUUID().slice(0, 8)}`,
        specialties: ['房屋建筑'],
      })
      .expect(answers(201));
  const id: string = (
    await s()
      .post('/campaigns')
      .set('authorization', zjj)
      .send({
        title: '2026年度建筑市场双随机抽查（浏览器测试）',
        jointDepartmentCodes: [],
        scope: { supervisionItemCodes: ['JG-BR-001'], regionCodes: [region] },
        baseRatio: 1,
        riskWeights: { low: 1, medium: 1, high: 1 },
        inspectorsPerCheck: 2,
        resultsWorkingDays: 10,
        publicationWorkingDays: 5,
      })
      .expect(answers(201))
  ).body.id;
  await waitFor(
    'the campaign drawn by its workflow',
    async () => (await s().get(`/campaigns/${id}`).set('authorization', zjj).expect(answers(200))).body.status === 'checking',
    {
      timeoutMs: 60_000,
    },
  );
  const visits = (await s().get(`/campaigns/${id}/visits`).query({ pageSize: 50 }).set('authorization', zjj).expect(answers(200))).body.items;
  for (const visit of visits)
    await s()
      .post('/supervision-actions/checks')
      .set('authorization', zjj)
      .send({
        supervisionItemCode: 'JG-BR-001',
        subjectName: '浏览器抽查对象',
        subjectUscc: visit.uscc,
        regionCode: region,
        planId: id,
        campaignId: id,
        form: 'on-site',
        method: 'random-sampling',
        checkedAt: new Date(Date.now() - 3600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
        inspectors: [{ name: '检查员0', certificateNumber: '21030219001' }],
        result: 'no-problem',
      })
      .expect(answers(201));
  await waitFor(
    'every result in through Kafka',
    async () => (await s().get(`/campaigns/${id}`).set('authorization', zjj).expect(answers(200))).body.status === 'results-in',
    {
      timeoutMs: 60_000,
    },
  );
  await s().post(`/campaigns/${id}/publish`).set('authorization', zjj).expect(answers(200));
  return id;
}

/** 投诉举报 received on the web channel, routed (no item named: to the territory's 工改办) and answered. */
async function answeredComplaint(stack: PortalStack): Promise<void> {
  const http = () => request(stack.complaints.getHttpServer());
  const intake = bearer({ userId: 'browser-intake', departmentCode: 'AS-12345', roles: [Roles.system] });
  const received = (
    await http()
      .post('/complaints')
      .set('authorization', intake)
      .send({
        channel: 'web',
        category: 'construction-quality',
        regionCode: '210300',
        content: '工地夜间施工噪声扰民',
        complainant: { name: '王女士', phone: '13812345678' },
      })
      .expect(answers(201))
  ).body;
  const handler = bearer({ userId: 'browser-handler', departmentCode: received.departmentCode, roles: [Roles.complaintHandler] });
  await http().post(`/complaints/${received.id}/acknowledge`).set('authorization', handler).send({}).expect(answers(200));
  await http().post(`/complaints/${received.id}/answer`).set('authorization', handler).send({ answer: '已责令施工单位停止夜间施工' }).expect(answers(200));
}
