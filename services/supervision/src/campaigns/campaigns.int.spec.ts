import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CheckResult, IntegrationEvent, Roles, SupervisionCheckRecordedV1, SupervisionEventTypes } from '@cityworks/contracts';
import { EventConsumer } from '@cityworks/messaging';
import { bearer, isolateKafkaConsumers, randomUscc, startServiceApp, waitFor } from '@cityworks/testing';
import { AppModule } from '../app.module';
import { CampaignsService } from './campaigns.service';
import { CampaignCheckRecordedHandler } from './events/check-recorded.handler';

/**
 * 双随机 campaigns in supervision against the real Postgres: announce, the draw activity called
 * directly (the workflow's part is workflows/src/campaign), results from
 * supervision.check-recorded.v1 handed to the inbox path, publication, and verification through
 * the API and the command alike.
 */
describe('campaigns (双随机、一公开)', () => {
  let app: INestApplication;
  let db: DataSource;
  // a region of this run's own, so other runs' subjects never enter the draw
  const region = `29${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}`;
  const zjj = bearer({ userId: 'zjj-1', departmentCode: 'AS-ZJJ', regionCode: region, roles: [Roles.supervisionOfficer] });
  const scjg = bearer({ userId: 'scjg-1', departmentCode: `SCJG-${region}`, regionCode: region, roles: [Roles.supervisionOfficer] });
  const scjgCode = `SCJG-${region}`;
  const http = () => request(app.getHttpServer());
  const subjects = Array.from({ length: 6 }, () => randomUscc());
  const inspectors: Record<string, string[]> = {};
  let conflicted: { id: string; employer: string };

  async function inspector(token: string, departmentCode: string, employerUscc?: string): Promise<string> {
    const res = await http()
      .post('/inspectors')
      .set('authorization', token)
      .send({
        name: '检查员',
        departmentCode,
        regionCode: region,
        certificateNumber: `ZF-${randomUUID().slice(0, 12)}`,
        specialties: ['房屋建筑'],
        employerUscc,
      })
      .expect(201);
    (inspectors[departmentCode] ??= []).push(res.body.id);
    return res.body.id;
  }

  const checkRecorded = (
    campaignId: string,
    subjectUscc: string,
    departmentCode: string,
    result: CheckResult = 'no-problem',
  ): IntegrationEvent<SupervisionCheckRecordedV1> => ({
    specversion: '1.0',
    id: randomUUID(),
    source: '/cityworks/supervision',
    type: SupervisionEventTypes.checkRecorded,
    time: new Date().toISOString(),
    subject: randomUUID(),
    datacontenttype: 'application/json',
    correlationid: randomUUID(),
    data: {
      actionId: randomUUID(),
      planId: campaignId,
      campaignId,
      supervisionItemCode: 'JG-JZSC-001',
      departmentCode,
      subjectUscc,
      regionCode: region,
      result,
      checkedAt: new Date().toISOString(),
      reportedAt: new Date().toISOString(),
    },
  });

  const announce = (token: string, overrides: Record<string, unknown> = {}) =>
    http()
      .post('/campaigns')
      .set('authorization', token)
      .send({
        title: '2026年第四季度建筑市场联合双随机抽查',
        jointDepartmentCodes: [scjgCode],
        scope: { supervisionItemCodes: ['JG-JZSC-001'], regionCodes: [region] },
        // every subject drawn (p = 1 × 1 × 1), so the test knows the visits
        baseRatio: 1,
        riskWeights: { low: 1, medium: 1, high: 1 },
        inspectorsPerCheck: 2,
        resultsWorkingDays: 10,
        publicationWorkingDays: 5,
        ...overrides,
      });

  beforeAll(async () => {
    isolateKafkaConsumers();
    app = await startServiceApp(AppModule);
    db = app.get(DataSource);
    await http()
      .post('/subjects/import')
      .set('authorization', zjj)
      .send({ subjects: subjects.map((uscc, i) => ({ uscc, name: `抽查对象${i}`, regionCode: region, riskLevel: i % 2 ? 'high' : 'low' })) })
      .expect(201);
    for (let i = 0; i < 3; i++) await inspector(zjj, 'AS-ZJJ');
    conflicted = { id: await inspector(zjj, 'AS-ZJJ', subjects[0]), employer: subjects[0] };
    for (let i = 0; i < 2; i++) await inspector(scjg, scjgCode);
  });
  afterAll(() => app?.close());

  it('refuses a campaign the pools cannot staff (422 naming the department)', async () => {
    const res = await announce(zjj, { inspectorsPerCheck: 3 }).expect(422);
    expect(res.body.errors).toEqual([
      {
        field: 'inspectorsPerCheck',
        rules: { poolCanStaff: `department ${scjgCode} has 2 inspectors registered for the campaign's regions, fewer than 3 per check` },
      },
    ]);
  });

  it('announces with a seed commitment, draws one visit per subject with one team and a check slot per department, never a conflicted inspector, and publishes when every result is in', async () => {
    const announced = await announce(zjj).expect(201);
    const id = announced.body.id;
    expect(announced.body).toMatchObject({ status: 'announced', seed: null, participatingDepartmentCodes: ['AS-ZJJ', scjgCode], workflowId: `campaign-${id}` });
    expect(announced.body.seedCommitment).toMatch(/^[0-9a-f]{64}$/);
    await http().get(`/campaigns/${id}/draw`).set('authorization', zjj).expect(409);

    const summary = await app.get(CampaignsService).draw(id);
    expect(summary).toMatchObject({ visits: 6, checks: 12, shortfalls: 0, resultsIn: false });
    expect(await app.get(CampaignsService).draw(id)).toEqual(summary); // a retried activity changes nothing

    const visits = (await http().get(`/campaigns/${id}/visits`).query({ pageSize: 50 }).set('authorization', scjg).expect(200)).body;
    expect(visits.total).toBe(6);
    expect(visits.items.map((v: { uscc: string }) => v.uscc).sort()).toEqual([...subjects].sort());
    for (const v of visits.items) {
      // 进一门查多项: one visit, one team, each department its own slot and inspectors
      expect(v.checks.map((c: { departmentCode: string }) => c.departmentCode)).toEqual(['AS-ZJJ', scjgCode]);
      expect(v.checks[0].inspectorIds.every((i: string) => inspectors['AS-ZJJ'].includes(i))).toBe(true);
      expect(v.checks[1].inspectorIds.sort()).toEqual([...inspectors[scjgCode]].sort());
      if (v.uscc === conflicted.employer) expect(v.checks[0].inspectorIds).not.toContain(conflicted.id);
    }

    // both departments record their own result at every visit; publication waits for the last
    for (const [i, uscc] of subjects.entries()) {
      await app.get(EventConsumer).handleOnce(checkRecorded(id, uscc, 'AS-ZJJ'), app.get(CampaignCheckRecordedHandler));
      if (i < subjects.length - 1)
        await app.get(EventConsumer).handleOnce(checkRecorded(id, uscc, scjgCode, 'rectification-ordered'), app.get(CampaignCheckRecordedHandler));
    }
    // a second result of a department at the same visit does not count twice
    await app.get(EventConsumer).handleOnce(checkRecorded(id, subjects[0], scjgCode), app.get(CampaignCheckRecordedHandler));
    expect((await http().get(`/campaigns/${id}`).set('authorization', zjj).expect(200)).body).toMatchObject({
      status: 'checking',
      checksRecorded: 11,
      checkCount: 12,
    });
    await http().post(`/campaigns/${id}/publish`).set('authorization', zjj).expect(409);
    await app.get(EventConsumer).handleOnce(checkRecorded(id, subjects[5], scjgCode), app.get(CampaignCheckRecordedHandler));
    const commands = await db.query(`SELECT kind FROM workflow_commands WHERE workflow_id = $1`, [`campaign-${id}`]);
    expect(commands.length).toBe(2); // the start, and the results-in signal

    await http().post(`/campaigns/${id}/publish`).set('authorization', scjg).expect(403);
    const published = (await http().post(`/campaigns/${id}/publish`).set('authorization', zjj).expect(200)).body;
    expect(published.status).toBe('published');
    expect(createHash('sha256').update(published.seed).digest('hex')).toBe(announced.body.seedCommitment);
    const events = await db.query('SELECT type, envelope FROM outbox_events WHERE subject = $1', [id]);
    expect(events.map((e: { type: string }) => e.type)).toEqual([SupervisionEventTypes.campaignPublished]);
    expect(events[0].envelope.data).toMatchObject({ campaignId: id, departmentCode: 'AS-ZJJ', seed: published.seed, subjectsDrawn: 6, onTime: true });

    // 一公开: anyone re-runs the published draw through the API and the command and gets the same list
    const doc = (await http().get(`/campaigns/${id}/draw`).expect(200)).body; // no token: it is public
    const viaApi = (await http().post('/campaigns/draw/verify').send(doc).expect(200)).body;
    expect(viaApi).toMatchObject({ campaignId: id, commitmentMatches: true, listMatches: true });
    expect(viaApi.draw.visits.map((v: { uscc: string }) => v.uscc)).toEqual([...subjects].sort());
    const file = join(mkdtempSync(join(tmpdir(), 'campaign-draw-')), 'published.json');
    writeFileSync(file, JSON.stringify(doc));
    const viaCommand = JSON.parse(
      execFileSync(process.execPath, [join(__dirname, '../../../../scripts/verify-draw.js'), file, '--json'], { encoding: 'utf8' }),
    );
    expect(viaCommand).toEqual(viaApi);
    // the teams the campaign assigned are the ones the re-run gives
    const teams = Object.fromEntries(
      visits.items.map((v: { uscc: string; checks: { inspectorIds: string[] }[] }) => [v.uscc, v.checks.map((c) => c.inspectorIds.sort())]),
    );
    for (const v of viaApi.draw.visits) expect(v.checks.map((c: { inspectorIds: string[] }) => c.inspectorIds.sort())).toEqual(teams[v.uscc]);
  });

  it('merges two departments’ own campaigns of the same period into one visit per subject, each department keeping its own check and result', async () => {
    const first = (await announce(zjj, { jointDepartmentCodes: [] }).expect(201)).body.id;
    await app.get(CampaignsService).draw(first);
    const second = (await announce(scjg, { jointDepartmentCodes: [] }).expect(201)).body.id;
    await app.get(CampaignsService).draw(second);

    const visits = (await http().get(`/campaigns/${second}/visits`).query({ pageSize: 50 }).set('authorization', scjg).expect(200)).body.items;
    expect(visits).toHaveLength(subjects.length);
    for (const v of visits) {
      // one trip: the first campaign's visit, its team beside this one's
      expect(v.visitGroup).toBe(`${first}:${v.uscc}`);
      expect(v.checks.map((c: { departmentCode: string }) => c.departmentCode)).toEqual([scjgCode]);
      expect(v.jointWith).toHaveLength(1);
      expect(v.jointWith[0].campaignId).toBe(first);
      expect(v.jointWith[0].checks.map((c: { departmentCode: string }) => c.departmentCode)).toEqual(['AS-ZJJ']);
    }
    // each department records its own result in its own campaign
    await app.get(EventConsumer).handleOnce(checkRecorded(second, subjects[0], scjgCode, 'violation-found'), app.get(CampaignCheckRecordedHandler));
    await app.get(EventConsumer).handleOnce(checkRecorded(first, subjects[0], 'AS-ZJJ'), app.get(CampaignCheckRecordedHandler));
    const seen = (await http().get(`/campaigns/${first}/visits`).query({ pageSize: 50 }).set('authorization', zjj).expect(200)).body.items.find(
      (v: { uscc: string }) => v.uscc === subjects[0],
    );
    expect(seen.checks[0]).toMatchObject({ departmentCode: 'AS-ZJJ', result: 'no-problem' });
    expect(seen.jointWith[0]).toMatchObject({ campaignId: second, checks: [expect.objectContaining({ departmentCode: scjgCode, result: 'violation-found' })] });
    expect((await http().get(`/campaigns/${second}`).set('authorization', scjg).expect(200)).body).toMatchObject({ checksRecorded: 1, checkCount: 6 });

    // the one contract between the campaign and the 行政检查 record: the event its API publishes
    const action = await http()
      .post('/supervision-actions/checks')
      .set('authorization', scjg)
      .send({
        supervisionItemCode: 'JG-JZSC-001',
        subjectName: '抽查对象1',
        subjectUscc: subjects[1],
        regionCode: region,
        planId: second,
        campaignId: second,
        form: 'on-site',
        method: 'random-sampling',
        checkedAt: new Date(Date.now() - 3600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
        inspectors: [{ name: '检查员', certificateNumber: '21030219001' }],
        result: 'no-problem',
      })
      .expect(201);
    const [{ envelope }] = await db.query('SELECT envelope FROM outbox_events WHERE subject = $1 AND type = $2', [
      action.body.id,
      SupervisionEventTypes.checkRecorded,
    ]);
    // the relay also publishes it to Kafka, where another test process's consumer on the same inbox may take it first
    expect(['applied', 'duplicate']).toContain(await app.get(EventConsumer).handleOnce(envelope, app.get(CampaignCheckRecordedHandler)));
    const slot = await waitFor('the result in the slot', async () => {
      const visits = (await http().get(`/campaigns/${second}/visits`).query({ pageSize: 50 }).set('authorization', scjg).expect(200)).body.items;
      const checks = visits.find((v: { uscc: string }) => v.uscc === subjects[1]).checks[0];
      return checks.result ? checks : undefined;
    });
    expect(slot).toMatchObject({ departmentCode: scjgCode, result: 'no-problem', actionId: action.body.id });
  });

  it('verify answers 400 for a malformed document and 422 for a subject listed twice; no token needed', async () => {
    await http().post('/campaigns/draw/verify').send({ algorithm: 'cityworks-draw-v1' }).expect(400);
    const seed = 'a'.repeat(64);
    const res = await http()
      .post('/campaigns/draw/verify')
      .send({
        algorithm: 'cityworks-draw-v1',
        seed,
        seedCommitment: createHash('sha256').update(seed).digest('hex'),
        baseRatio: 0.5,
        gradeWeights: { A: 0.5, B: 1, C: 2, D: 4, ungraded: 1 },
        riskWeights: { low: 0.5, medium: 1, high: 2 },
        subjects: [
          { uscc: subjects[0], grade: 'B', risk: 'low' },
          { uscc: subjects[0], grade: 'C', risk: 'low' },
        ],
        departmentCodes: ['AS-ZJJ'],
        inspectorsPerCheck: 1,
        expertsPerVisit: 0,
        inspectors: [],
        experts: [],
      })
      .expect(422);
    expect(res.body.errors).toEqual([{ field: 'subjects[1].uscc', rules: { drawInput: `repeats subjects[0] (${subjects[0]})` } }]);
  });
});
