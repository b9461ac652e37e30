import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { api, makeCity, startCatalog, TestCity } from '../../testing/kit';

/** A city's own spreadsheet: Chinese column titles, a byte-order mark, quoted cells, 是/否. */
function spreadsheet(city: TestCity, rows: string[][]): string {
  const header = [
    '事项编码',
    '事项名称',
    '事项类别',
    '审批阶段',
    '实施部门',
    '监管部门',
    '设定依据',
    '申请材料',
    '法定时限（工作日）',
    '允许暂停计时事由',
    '告知承诺',
    '承诺核查期限（工作日）',
  ];
  const quote = (c: string) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return '\ufeff' + [header, ...rows].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
}

describe('import and export of lists (JSON and CSV)', () => {
  let app: INestApplication;
  let db: DataSource;
  let city: TestCity;
  const as = () => api(app);
  const code = (name: string) => `T${city.run}-${name}`;
  const goodRows = () => [
    [
      code('YDGH'),
      '建设用地规划许可证核发',
      '行政许可',
      '立项用地规划许可',
      city.departments.approval,
      city.departments.planning,
      '《中华人民共和国城乡规划法》第三十七条、第三十八条',
      '申请表; 土地出让合同, 或划拨决定书',
      '20',
      '补正材料；现场勘验',
      '否',
      '',
    ],
    [
      code('SGXK'),
      '建筑工程施工许可证核发',
      '行政许可',
      '施工许可',
      city.departments.approval,
      city.departments.housing,
      '《中华人民共和国建筑法》第七条',
      '申请表;施工合同',
      '7',
      '补正材料',
      '是',
      '20',
    ],
    [
      code('JGBA'),
      '竣工验收备案',
      '行政备案',
      '竣工验收',
      city.departments.housing,
      city.departments.housing,
      '《建设工程质量管理条例》第四十九条',
      '竣工验收备案表',
      '5',
      '',
      '否',
      '',
    ],
  ];
  const outboxCount = async () => (await db.query(`SELECT count(*)::int AS n FROM outbox_events WHERE subject LIKE $1`, [`%T${city.run}-%`]))[0].n;

  beforeAll(async () => {
    app = await startCatalog();
    db = app.get(DataSource);
    city = await makeCity(app);
  });
  afterAll(() => app?.close());

  it('imports a good CSV; importing it again changes nothing', async () => {
    const file = spreadsheet(city, goodRows());
    const res = await as()
      .post('/approval-items/import')
      .query({ regionCode: city.city, effectiveFrom: '2025-03-01' })
      .set('content-type', 'text/csv')
      .send(file)
      .expect(200);
    expect(res.body).toMatchObject({ published: 3, unchanged: 0 });
    expect(res.body.rows.map((r: any) => [r.row, r.outcome, r.version])).toEqual([
      [2, 'created', 1],
      [3, 'created', 1],
      [4, 'created', 1],
    ]);
    const ydgh = (
      await as()
        .get(`/approval-items/${code('YDGH')}`)
        .query({ regionCode: city.city })
        .expect(200)
    ).body;
    expect(ydgh).toMatchObject({
      materials: ['申请表', '土地出让合同, 或划拨决定书'],
      allowedClockStops: ['补正材料', '现场勘验'],
      commitmentAllowed: false,
      effectiveFrom: '2025-03-01',
    });
    const again = await as()
      .post('/approval-items/import')
      .query({ regionCode: city.city, effectiveFrom: '2025-03-01' })
      .set('content-type', 'text/csv')
      .send(file)
      .expect(200);
    expect(again.body).toMatchObject({ published: 0, unchanged: 3 });
  });

  it('refuses a bad file whole, listing every error by row, column and rule, and writes nothing', async () => {
    const before = await outboxCount();
    const rows = goodRows();
    rows[0][0] = code('NEW1'); // a good new row: must not be written either
    rows[1][2] = '行政审批'; // row 3: category
    rows[1][11] = ''; // row 3: 告知承诺 without a verification period
    rows[2][4] = 'NO-SUCH-DEPT'; // row 4: department
    rows[2][8] = 'five'; // row 4: time limit
    rows.push([...goodRows()[0]]); // row 5: code already on row 2 … of the original file
    rows[3][0] = code('NEW1'); // … duplicate of row 2
    const res = await as()
      .post('/approval-items/import')
      .query({ regionCode: city.city, effectiveFrom: '2025-03-01' })
      .set('content-type', 'text/csv')
      .send(spreadsheet(city, rows))
      .expect(400);
    expect(res.body.message).toMatch(/nothing was imported/);
    const found = res.body.errors.flatMap((e: any) => Object.keys(e.rules).map((rule) => [e.row, e.column, rule]));
    expect(found).toEqual(
      expect.arrayContaining([
        [3, '事项类别', 'isIn'],
        [3, '承诺核查期限（工作日）', 'requiredWhen'],
        [4, '法定时限（工作日）', 'isInt'],
        [5, '事项编码', 'unique'],
      ]),
    );
    expect(await outboxCount()).toBe(before);
    await as()
      .get(`/approval-items/${code('NEW1')}`)
      .query({ regionCode: city.city })
      .expect(404);

    // once the shape is right, references and the timeline are checked row by row too
    const rows2 = goodRows();
    rows2[0][0] = code('NEW2');
    rows2[1][8] = '5'; // a changed row: a new version, which may not start in the past
    rows2[2][4] = 'NO-SUCH-DEPT';
    const res2 = await as()
      .post('/approval-items/import')
      .query({ regionCode: city.city, effectiveFrom: '2025-06-01' })
      .set('content-type', 'text/csv')
      .send(spreadsheet(city, rows2))
      .expect(400);
    expect(res2.body.errors.map((e: any) => [e.row, e.column, Object.keys(e.rules)[0]])).toEqual([
      [3, 'effectiveFrom', 'notInPast'],
      [4, 'effectiveFrom', 'notInPast'],
      [4, '实施部门', 'exists'],
    ]);
    expect(await outboxCount()).toBe(before);
  });

  it('refuses a file with unknown columns or a broken quote at its header, and a body that is not CSV or JSON', async () => {
    const res = await as()
      .post('/approval-items/import')
      .query({ regionCode: city.city, effectiveFrom: '2025-03-01' })
      .set('content-type', 'text/csv')
      .send('code,名称,stage\nA,"B,C\n')
      .expect(400);
    expect(res.body.errors.map((e: any) => [e.row, Object.keys(e.rules)[0]])).toEqual([[2, 'csv']]);
    const res2 = await as()
      .post('/approval-items/import')
      .query({ regionCode: city.city, effectiveFrom: '2025-03-01' })
      .set('content-type', 'text/csv')
      .send('code,名称\nA,B\n')
      .expect(400);
    expect(res2.body.errors.map((e: any) => [e.row, e.column, Object.keys(e.rules)[0]])).toEqual(
      expect.arrayContaining([
        [1, '名称', 'knownColumn'],
        [1, 'name', 'requiredColumn'],
      ]),
    );
    await as()
      .post('/approval-items/import')
      .query({ regionCode: city.city, effectiveFrom: '2025-03-01' })
      .set('content-type', 'application/xml')
      .send('<x/>')
      .expect(415);
    await as().post('/approval-items/import').query({ regionCode: city.city, effectiveFrom: '2025-03-01' }).send({ rows: [] }).expect(400);
  });

  it('exports CSV and JSON that import back unchanged', async () => {
    const csv = await as().get('/approval-items/export').query({ regionCode: city.city, headers: 'zh' }).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text.startsWith('\ufeff事项编码,事项名称')).toBe(true);
    const back = await as()
      .post('/approval-items/import')
      .query({ regionCode: city.city, effectiveFrom: '2025-03-01' })
      .set('content-type', 'text/csv')
      .send(csv.text)
      .expect(200);
    expect(back.body).toMatchObject({ published: 0, unchanged: 3 });

    const json = await as().get('/approval-items/export').query({ regionCode: city.city, format: 'json' }).expect(200);
    const file = JSON.parse(json.text);
    expect(file.items).toHaveLength(3);
    const backJson = await as().post('/approval-items/import').query({ regionCode: city.city, effectiveFrom: '2025-03-01' }).send(file).expect(200);
    expect(backJson.body).toMatchObject({ published: 0, unchanged: 3 });

    // a changed row becomes a new version from the date given
    file.items[0].timeLimitWorkingDays = 15;
    const changed = await as().post('/approval-items/import').query({ regionCode: city.city, effectiveFrom: '2099-01-01' }).send(file).expect(200);
    expect(changed.body).toMatchObject({ published: 1, unchanged: 2 });
    expect(changed.body.rows.find((r: any) => r.outcome === 'new-version')).toMatchObject({ code: file.items[0].code, version: 2 });
  });

  it('imports a supervision-item list (ratios as percentages), checking the approval items it links', async () => {
    const header = 'code,name,departmentCode,subject,measures,legalBasis,randomCheckRatio,checksPerYear,riskLevel,approvalItemCodes';
    const good = `${header}\n${code('JG1')},对施工许可的事中事后监管,${city.departments.housing},取得施工许可的建设单位,行政检查;行政处罚,《建筑法》,5%,2,中,${code('SGXK')}\n`;
    const res = await as()
      .post('/supervision-items/import')
      .query({ regionCode: city.city, effectiveFrom: '2025-03-01' })
      .set('content-type', 'text/csv')
      .send(good)
      .expect(200);
    expect(res.body.published).toBe(1);
    expect(
      (
        await as()
          .get(`/supervision-items/${code('JG1')}`)
          .query({ regionCode: city.districts[0] })
          .expect(200)
      ).body,
    ).toMatchObject({ randomCheckRatio: 0.05, measures: ['行政检查', '行政处罚'], riskLevel: '中' });
    const bad = `${header}\n${code('JG2')},x,${city.departments.housing},y,行政检查;行政约谈,z,150%,2,极高,NO-SUCH-ITEM\n`;
    const refused = await as()
      .post('/supervision-items/import')
      .query({ regionCode: city.city, effectiveFrom: '2025-03-01' })
      .set('content-type', 'text/csv')
      .send(bad)
      .expect(400);
    expect(refused.body.errors.map((e: any) => e.column).sort()).toEqual(['measures', 'randomCheckRatio', 'riskLevel']);
  });
});
