import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApplicationFailure } from '@temporalio/common';
import { CatalogActivitiesImpl } from '../activities/catalog.activities';
import { api, approvalItemBody, makeCity, startCatalog, TestCity } from '../../testing/kit';

describe('stage templates: which items does this project need in this stage?', () => {
  let app: INestApplication;
  let city: TestCity;
  const as = () => api(app);
  const code = (name: string) => `T${city.run}-${name}`;
  const query = (overrides: Record<string, unknown> = {}) => ({
    projectType: '社会投资房屋建筑',
    regionCode: city.districts[0],
    stage: '工程建设许可',
    ...overrides,
  });

  beforeAll(async () => {
    app = await startCatalog();
    city = await makeCity(app);
    for (const [name, title] of [
      ['GHXK', '建设工程规划许可证核发'],
      ['RFSP', '人防工程审批'],
      ['RFYD', '人防易地建设审批'],
      ['SZBZ', '供水报装'],
    ]) {
      await as()
        .post(`/approval-items/${code(name)}/versions`)
        .send(approvalItemBody(city, { name: title, stage: '工程建设许可' }))
        .expect(201);
    }
    await as()
      .post(`/stage-templates/${encodeURIComponent('社会投资房屋建筑')}/versions`)
      .send({
        regionCode: city.city,
        effectiveFrom: '2025-01-01',
        name: '社会投资房屋建筑类',
        entries: [
          { stage: '工程建设许可', itemCode: code('GHXK') },
          { stage: '工程建设许可', itemCode: code('RFSP'), condition: { fact: 'floorAreaSqm', op: 'gte', value: 7000 }, note: '7000平方米以上结建' },
          {
            stage: '工程建设许可',
            itemCode: code('RFYD'),
            condition: { all: [{ fact: 'floorAreaSqm', op: 'lt', value: 7000 }, { not: { fact: 'newLand', op: 'eq', value: false } }] },
          },
          {
            stage: '市政公用报装',
            itemCode: code('SZBZ'),
            condition: {
              any: [
                { fact: 'needsWater', op: 'eq', value: true },
                { fact: 'investmentWanYuan', op: 'gt', value: 100000 },
              ],
            },
          },
        ],
      })
      .expect(201);
  });
  afterAll(() => app?.close());

  it('applies the conditions to the facts given; a district inherits the city template', async () => {
    const big = await as()
      .post('/stage-templates/required-items')
      .send(query({ facts: { floorAreaSqm: 36000 } }))
      .expect(200);
    expect(big.body.template).toMatchObject({ regionCode: city.city, version: 1 });
    expect(big.body.items.map((i: any) => i.itemCode)).toEqual([code('GHXK'), code('RFSP')]);
    expect(big.body.items[1]).toMatchObject({
      stage: '工程建设许可',
      note: '7000平方米以上结建',
      item: { code: code('RFSP'), regionCode: city.city, timeLimitWorkingDays: 7 },
    });

    const small = await as()
      .post('/stage-templates/required-items')
      .send(query({ facts: { floorAreaSqm: 3000, newLand: true } }))
      .expect(200);
    expect(small.body.items.map((i: any) => i.itemCode)).toEqual([code('GHXK'), code('RFYD')]);
  });

  it('lists items whose condition hinges on facts not given, with the facts to ask for', async () => {
    const res = await as()
      .post('/stage-templates/required-items')
      .send(query({ stage: undefined, facts: { needsWater: false } }))
      .expect(200);
    expect(res.body.items.map((i: any) => i.itemCode)).toEqual([code('GHXK')]);
    expect(res.body.undetermined.map((i: any) => [i.itemCode, i.missingFacts])).toEqual([
      [code('RFSP'), ['floorAreaSqm']],
      [code('RFYD'), ['floorAreaSqm', 'newLand']],
      [code('SZBZ'), ['investmentWanYuan']],
    ]);
  });

  it('answers the same through the activity on task queue `catalog`, and fails without retry on what cannot succeed', async () => {
    const activities = app.get(CatalogActivitiesImpl);
    const viaActivity = await activities.requiredItemsForStage({ ...query(), facts: { floorAreaSqm: 36000 } } as any);
    expect(viaActivity.items.map((i) => i.itemCode)).toEqual([code('GHXK'), code('RFSP')]);
    await expect(activities.requiredItemsForStage({ ...query({ projectType: '城市基础设施线性工程' }), facts: {} } as any)).rejects.toMatchObject({
      type: 'NotFound',
      nonRetryable: true,
    });
    const bad = await activities.requiredItemsForStage({ ...query(), facts: { floorAreaSqm: 'big' } } as any).catch((e) => e);
    expect(bad).toBeInstanceOf(ApplicationFailure);
    expect(bad).toMatchObject({ type: 'InvalidInput', nonRetryable: true });
  });

  it('refuses a template naming unknown items or malformed conditions, listing every error, writing nothing', async () => {
    /** four bad entries, then the fifth given */
    const refused = (fifth: { stage: string; itemCode: string }) =>
      as()
        .post(`/stage-templates/${encodeURIComponent('政府投资房屋建筑')}/versions`)
        .send({
          regionCode: city.city,
          effectiveFrom: '2025-01-01',
          name: '政府投资房屋建筑类',
          entries: [
            { stage: '工程建设许可', itemCode: 'NO-SUCH-ITEM' },
            { stage: '工程建设许可', itemCode: code('RFSP'), condition: { fact: 'floorArea', op: 'gte', value: 7000 } },
            { stage: '工程建设许可', itemCode: code('RFYD'), condition: { fact: 'newLand', op: 'gt', value: 1 } },
            { stage: '工程建设许可', itemCode: code('GHXK'), condition: { all: [] } },
            fifth,
          ],
        })
        .expect(400);
    // an unknown stage fails the request's shape, so the entries' rules are not reached
    const res = await refused({ stage: '施工阶段', itemCode: code('GHXK') });
    expect(res.body.errors.map((e: any) => e.field)).toEqual(['entries.4.stage']);
    const res2 = await refused({ stage: '工程建设许可', itemCode: code('GHXK') });
    expect(res2.body.errors.map((e: any) => [e.field, Object.keys(e.rules)[0]])).toEqual([
      ['entries.0.itemCode', 'inForce'],
      ['entries.1.condition.fact', 'isFact'],
      ['entries.2.condition.op', 'operatorFitsFact'],
      ['entries.3.condition.all', 'isArray'],
      ['entries.4', 'unique'],
    ]);
    const [{ n }] = await app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM stage_template_versions WHERE region_code = $1 AND code = '政府投资房屋建筑'`, [city.city]);
    expect(n).toBe(0);
    await as()
      .get(`/stage-templates/${encodeURIComponent('政府投资房屋建筑')}`)
      .query({ regionCode: city.city })
      .expect(404);
    await as()
      .post('/stage-templates/required-items')
      .send(query({ projectType: '工业厂房' }))
      .expect(400);
  });
});
