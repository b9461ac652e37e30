import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Roles } from '@cityworks/contracts';
import { bearer, isolateKafkaConsumers, randomUscc, reformOffice, startServiceApp } from '@cityworks/testing';
import { AppModule } from '../../app.module';
import { seedApprovalItem } from '../../../testing/catalog-items.fixture';

/**
 * 迁移 against the real Postgres: files in, applications with their timing out, or nothing
 * written at all. The test database is shared by every run, so each run imports under an item
 * and a department of its own (and so reads the timing report of that department alone).
 */
describe('import of historical applications (POST /applications/import)', () => {
  let app: INestApplication;
  let db: DataSource;
  const run = `${Date.now().toString(36)}${Math.round(Math.random() * 1e6).toString(36)}`.toUpperCase();
  const item = `T-IMP-${run}`;
  const department = `IMP-${run}`;
  const ref = (n: number | string) => `OLD-${run}-${n}`;
  const owner = randomUscc();

  const officer = bearer({ userId: 'imp-officer', departmentCode: department, roles: [Roles.approvalOfficer] });
  const otherOfficer = bearer({ userId: 'hb-officer', departmentCode: 'AS-HBJ', roles: [Roles.approvalOfficer] });
  const supervisor = bearer({ userId: 'zjj-officer', departmentCode: 'AS-ZJJ', roles: [Roles.supervisionOfficer] });
  const auditor = bearer({ userId: 'auditor-1', departmentCode: 'AS-SJJ', roles: [Roles.auditor] });
  const http = () => request(app.getHttpServer());
  const importCsv = (csv: string, token = officer) => http().post('/applications/import').set('authorization', token).set('content-type', 'text/csv').send(csv);
  const importJson = (body: unknown, token = officer) =>
    http()
      .post('/applications/import')
      .set('authorization', token)
      .send(body as object);
  const get = (url: string, token = officer) => http().get(url).set('authorization', token);
  const countOfDepartment = async (): Promise<number> =>
    (await db.query('SELECT count(*)::int AS n FROM applications WHERE department_code = $1', [department]))[0].n;
  /** [row, column, rule] of every listed problem */
  const listed = (body: { errors: { row: number; column: string; rules: Record<string, string> }[] }) =>
    body.errors.flatMap((e) => Object.keys(e.rules).map((rule) => [e.row, e.column, rule]));

  const HEADER = 'sourceRef,projectCode,itemCode,departmentCode,regionCode,ownerUscc,onCommitment,acceptedAt,clockStops,decidedAt,decision,decisionReason';
  const csvRow = (cells: Record<string, string>) =>
    HEADER.split(',')
      .map((c) => cells[c] ?? '')
      .join(',');
  const row = (n: number | string, cells: Record<string, string> = {}) =>
    csvRow({
      sourceRef: ref(n),
      projectCode: `P-${run}-${n}`,
      itemCode: item,
      departmentCode: department,
      regionCode: '210302',
      ownerUscc: owner,
      acceptedAt: '2026-02-11T10:00:00+08:00',
      decidedAt: '2026-03-03T16:00:00+08:00',
      decision: 'approved',
      ...cells,
    });

  beforeAll(async () => {
    isolateKafkaConsumers();
    app = await startServiceApp(AppModule);
    db = app.get(DataSource);
    // the city's list: 7 working days and only 补正材料 until 2026-06-01, then 5 days and 专家评审 allowed too
    await seedApprovalItem(app, { code: item, departmentCode: department, version: 1, effectiveFrom: '2020-01-01' });
    await seedApprovalItem(app, {
      code: item,
      departmentCode: department,
      version: 2,
      effectiveFrom: '2026-06-01',
      timeLimitWorkingDays: 5,
      allowedClockStops: ['补正材料', '专家评审'],
    });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('imports a CSV on the terms in force on each acceptance date; GET and the timing report show the 办理用时; audited, no events, no workflows', async () => {
    const csv = [
      HEADER,
      // 春节: 10 working days after 02-11 up to 03-03, 3 of them stopped (02-14 调休, 02-24, 02-25) → 7 of 7 (version 1)
      row(1, { clockStops: '补正材料@2026-02-13T09:00:00+08:00/2026-02-25T10:00:00+08:00' }),
      // 国庆: 12 working days after 09-18 up to 10-12, 3 stopped (09-30, 10-08, 10-09) → 9 of 5 (version 2, which allows 专家评审)
      row(2, {
        acceptedAt: '2026-09-18T15:00:00+08:00',
        clockStops: '专家评审@2026-09-29T10:00:00+08:00/2026-10-09T16:00:00+08:00',
        decidedAt: '2026-10-12T11:00:00+08:00',
        decision: 'rejected',
        decisionReason: '"经专家评审, 不符合""施工许可""条件"',
      }),
    ].join('\r\n');
    const before = await countOfDepartment();
    const res = await importCsv(csv).expect(201);
    expect(res.body).toMatchObject({
      imported: 2,
      applications: [
        { row: 2, sourceRef: ref(1), status: 'approved', usedWorkingDays: 7, decidedWithinLimit: true },
        { row: 3, sourceRef: ref(2), status: 'rejected', usedWorkingDays: 9, decidedWithinLimit: false },
      ],
    });
    expect(await countOfDepartment()).toBe(before + 2);
    const [spring, national] = res.body.applications.map((a: { applicationId: string }) => a.applicationId);

    const first = (await get(`/applications/${spring}`).expect(200)).body;
    expect(first).toMatchObject({
      status: 'approved',
      departmentCode: department,
      supervisingDepartmentCode: 'AS-ZJJ',
      acceptedAt: '2026-02-11T02:00:00.000Z',
      decidedAt: '2026-03-03T08:00:00.000Z',
      terms: { itemVersion: 1, timeLimitWorkingDays: 7, allowedClockStops: ['补正材料'] },
      clockStops: [{ reason: '补正材料', note: null, from: '2026-02-13T01:00:00.000Z', to: '2026-02-25T02:00:00.000Z' }],
      illegalClockStopAttempts: 0,
      timing: {
        usedWorkingDays: 7,
        suspendedWorkingDays: 3,
        remainingWorkingDays: 0,
        decidedWithinLimit: true,
        overdue: false,
        dueAt: '2026-03-03T15:59:59.999Z',
      },
    });
    // the supervising department reads it as any other
    const second = (await get(`/applications/${national}`, supervisor).expect(200)).body;
    expect(second).toMatchObject({
      status: 'rejected',
      decisionReason: '经专家评审, 不符合"施工许可"条件',
      terms: { itemVersion: 2, timeLimitWorkingDays: 5 },
      timing: { usedWorkingDays: 9, suspendedWorkingDays: 3, remainingWorkingDays: -4, decidedWithinLimit: false },
    });

    const feb = (await get('/applications/timing-report').query({ year: 2026, month: 2 }).expect(200)).body;
    expect(feb.departments.find((d: { departmentCode: string }) => d.departmentCode === department)).toMatchObject({
      accepted: 1,
      decided: 1,
      maxUsedWorkingDays: 7,
      withinLimitShare: 1,
      overdueOpen: 0,
    });
    const sep = (await get('/applications/timing-report').query({ year: 2026, month: 9 }).expect(200)).body;
    expect(sep.departments.find((d: { departmentCode: string }) => d.departmentCode === department)).toMatchObject({
      accepted: 1,
      decided: 1,
      maxUsedWorkingDays: 9,
      withinLimitShare: 0,
    });

    for (const id of [spring, national]) {
      const log = await get('/audit-log', auditor).query({ resourceType: 'application', resourceId: id }).expect(200);
      expect(log.body.items.map((e: { action: string; actorUserId: string }) => [e.action, e.actorUserId])).toEqual([['application.imported', 'imp-officer']]);
      const [{ events }] = await db.query('SELECT count(*)::int AS events FROM outbox_events WHERE subject = $1', [id]);
      expect(events).toBe(0);
      const [{ commands }] = await db.query('SELECT count(*)::int AS commands FROM workflow_commands WHERE workflow_id LIKE $1 OR command::text LIKE $1', [
        `%${id}%`,
      ]);
      expect(commands).toBe(0);
    }
    const provenance = await db.query(
      'SELECT source_ref, application_id, imported_by FROM application_imports WHERE source_ref = ANY($1) ORDER BY source_ref',
      [[ref(1), ref(2)]],
    );
    expect(provenance).toEqual([
      { source_ref: ref(1), application_id: spring, imported_by: 'imp-officer' },
      { source_ref: ref(2), application_id: national, imported_by: 'imp-officer' },
    ]);
  });

  it('imports JSON, { "applications": [...] }, for the 工改办 too', async () => {
    const res = await importJson(
      {
        applications: [
          {
            sourceRef: ref('json-1'),
            projectCode: `P-${run}-json`,
            itemCode: item,
            departmentCode: department,
            regionCode: '210302',
            ownerUscc: owner,
            onCommitment: true,
            acceptedAt: '2026-02-13T15:00:00+08:00',
            clockStops: [],
            decidedAt: '2026-02-25T09:00:00+08:00',
            decision: 'approved',
          },
        ],
      },
      reformOffice(),
    ).expect(201);
    // 02-14 (调休) 1, 02-15 … 02-23 春节, 02-24 2, 02-25 3
    expect(res.body).toMatchObject({ imported: 1, applications: [{ row: 1, sourceRef: ref('json-1'), usedWorkingDays: 3, decidedWithinLimit: true }] });
    const shown = (await get(`/applications/${res.body.applications[0].applicationId}`).expect(200)).body;
    expect(shown).toMatchObject({ onCommitment: true, status: 'approved', clockStops: [], timing: { usedWorkingDays: 3 } });
  });

  it('refuses a file with bad rows whole, listing every problem by row, column and rule, and writes nothing', async () => {
    const csv = [
      HEADER,
      row('bad-1'), // good on its own
      row('bad-2', { itemCode: 'NO-SUCH-ITEM' }),
      row('bad-3', { ownerUscc: '91350100M000100Y44', acceptedAt: '2026-02-11 10:00' }),
      // 专家评审 is allowed only from version 2 (2026-06-01) on; the stop also runs past the decision
      row('bad-4', { clockStops: '专家评审@2026-02-12T09:00:00+08:00/2026-03-05T09:00:00+08:00' }),
      row('bad-5', { departmentCode: department, decidedAt: '2026-02-10T09:00:00+08:00', decision: 'rejected' }),
      row('bad-1', { projectCode: 'P-again' }),
      row('bad-7', { acceptedAt: '2026-12-24T09:00:00+08:00', decidedAt: '2027-01-04T09:00:00+08:00' }),
    ].join('\n');
    const before = await countOfDepartment();
    const res = await importCsv(csv).expect(422);
    expect(res.body.message).toBe('the file was refused: 9 errors, nothing was imported');
    expect(listed(res.body).sort()).toEqual(
      [
        [3, 'itemCode', 'inList'],
        [4, 'ownerUscc', 'isUscc'],
        [4, 'acceptedAt', 'matches'],
        [4, 'acceptedAt', 'isIso8601'],
        [5, 'clockStops', 'allowedClockStop'],
        [5, 'clockStops', 'notAfterDecision'],
        [6, 'decisionReason', 'isString'],
        [6, 'decisionReason', 'maxLength'],
        [6, 'decisionReason', 'matches'],
        [7, 'sourceRef', 'unique'],
        [8, 'acceptedAt', 'notInFuture'],
        [8, 'decidedAt', 'notInFuture'],
      ].sort(),
    );
    // a row of the wrong shape is not read further: row 6's decision before its acceptance shows once its reason is given
    expect(await countOfDepartment()).toBe(before);
    const [{ n }] = await db.query('SELECT count(*)::int AS n FROM application_imports WHERE source_ref LIKE $1', [`${ref('bad')}%`]);
    expect(n).toBe(0);
  });

  it('refuses a sourceRef imported before, and a file of another department’s applications (403); neither writes anything', async () => {
    const before = await countOfDepartment();
    const again = await importCsv([HEADER, row(1), row('new')].join('\n')).expect(422);
    expect(again.body.errors).toEqual([
      {
        row: 2,
        column: 'sourceRef',
        field: 'sourceRef',
        rules: { notImported: expect.stringMatching(new RegExp(`^sourceRef ${ref(1)} was imported before, as application [0-9a-f-]{36}$`)) },
      },
    ]);
    const foreign = await importCsv([HEADER, row('mine-1'), row('theirs-1', { departmentCode: 'AS-XZSPJ' })].join('\n')).expect(403);
    expect(listed(foreign.body)).toEqual([[3, 'departmentCode', 'ownDepartment']]);
    // an officer of another department may not import this department's rows either, however good they are
    const other = await importCsv([HEADER, row('mine-2')].join('\n'), otherOfficer).expect(403);
    expect(other.body.message).toContain('of another department');
    // nor may a role that does not accept applications
    await importCsv([HEADER, row('mine-3')].join('\n'), supervisor).expect(403);
    expect(await countOfDepartment()).toBe(before);
  });

  it('answers 415 for a body that is neither CSV nor JSON, 400 for malformed JSON, and declares both media types in OpenAPI', async () => {
    await http().post('/applications/import').set('authorization', officer).set('content-type', 'application/xml').send('<a/>').expect(415);
    await http().post('/applications/import').set('authorization', officer).set('content-type', 'application/json').send('{"applications":').expect(400);
    const doc = (await http().get('/docs/openapi.json').expect(200)).body;
    const op = doc.paths['/applications/import'].post;
    expect(Object.keys(op.requestBody.content).sort()).toEqual(['application/json', 'text/csv']);
    expect(Object.keys(op.responses).sort()).toEqual(expect.arrayContaining(['201', '400', '401', '403', '409', '413', '415', '422']));
    const body = doc.components.schemas.ImportApplicationsDto;
    expect(body).toMatchObject({ additionalProperties: false, required: ['applications'] });
    expect(body.properties.applications).toMatchObject({ type: 'array', minItems: 1, maxItems: 5000 });
    const rowSchema = doc.components.schemas.HistoricalApplicationRowDto;
    expect(rowSchema.required.sort()).toEqual(
      ['acceptedAt', 'decidedAt', 'decision', 'departmentCode', 'itemCode', 'ownerUscc', 'projectCode', 'regionCode', 'sourceRef'].sort(),
    );
    expect(rowSchema.properties.ownerUscc).toMatchObject({ format: 'uscc' });
    expect(rowSchema.properties.acceptedAt).toMatchObject({ format: 'date-time', pattern: expect.any(String) });
  });
});
