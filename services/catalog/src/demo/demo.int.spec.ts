import { INestApplication } from '@nestjs/common';
import { ApprovalItemCategories, ApprovalStages, ProjectTypes } from '@cityworks/contracts';
import { api, startCatalog } from '../../testing/kit';

describe('the demo city (鞍山市)', () => {
  let app: INestApplication;
  const as = () => api(app);

  beforeAll(async () => {
    app = await startCatalog();
  });
  afterAll(() => app?.close());

  it('loads idempotently: a second load adds nothing', async () => {
    const first = (await as().post('/demo/load').expect(200)).body;
    const total = (c: { created: number; existing: number }) => c.created + c.existing;
    expect([first.regions, first.departments, first.approvalItems, first.supervisionItems, first.stageTemplates].map(total)).toEqual([9, 26, 46, 13, 4]);
    const second = (await as().post('/demo/load').expect(200)).body;
    expect(second).toEqual({
      regions: { created: 0, existing: 9 },
      departments: { created: 0, existing: 26 },
      approvalItems: { created: 0, existing: 46 },
      supervisionItems: { created: 0, existing: 13 },
      stageTemplates: { created: 0, existing: 4 },
    });
  });

  it('is a realistic catalog: a city with districts and a development zone, its departments, both lists, every stage and category', async () => {
    const regions = (await as().get('/regions').query({ parentCode: '210300', pageSize: 50 }).expect(200)).body.items;
    expect(regions.filter((r: any) => r.level === '区县').length).toBeGreaterThanOrEqual(3);
    expect(regions.filter((r: any) => r.level === '开发区')).toHaveLength(1);
    const departments = (await as().get('/departments').query({ regionCode: '210300', pageSize: 100 }).expect(200)).body;
    expect(departments.total).toBeGreaterThanOrEqual(12);
    const offices = (await as().get('/letter-offices').query({ regionCode: '210300' }).expect(200)).body.items;
    expect(offices).toEqual([expect.objectContaining({ shortName: '鞍工改办', departmentCode: 'AS-GGB' })]);

    const items = (await as().get('/approval-items').query({ regionCode: '210300', ownListOnly: true, pageSize: 200 }).expect(200)).body;
    expect(items.total).toBeGreaterThanOrEqual(30);
    expect(new Set(items.items.map((i: any) => i.stage))).toEqual(new Set(ApprovalStages));
    expect(new Set(items.items.map((i: any) => i.category))).toEqual(new Set(ApprovalItemCategories));
    expect(items.items.find((i: any) => i.code === 'JS-SGXK-001')).toMatchObject({
      name: '建筑工程施工许可证核发',
      departmentCode: 'AS-XZSPJ',
      supervisingDepartmentCode: 'AS-ZJJ',
      supervisionMode: '审管分离',
      commitmentAllowed: true,
    });
    const supervision = (await as().get('/supervision-items').query({ regionCode: '210300', pageSize: 100 }).expect(200)).body;
    expect(supervision.total).toBeGreaterThanOrEqual(10);
    const templates = (await as().get('/stage-templates').query({ regionCode: '210300' }).expect(200)).body;
    expect(templates.map((t: any) => t.projectType).sort()).toEqual([...ProjectTypes].sort());
  });

  it("answers which items a 社会投资房屋建筑 project in 铁东区 needs, with the district's own versions", async () => {
    const res = await as()
      .post('/stage-templates/required-items')
      .send({
        projectType: '社会投资房屋建筑',
        regionCode: '210302',
        stage: '施工许可',
        facts: { investmentWanYuan: 12000, floorAreaSqm: 36000, specialConstruction: true },
      })
      .expect(200);
    expect(res.body.template).toMatchObject({ regionCode: '210300', version: 1 });
    expect(res.body.items.map((i: any) => i.itemCode)).toEqual(['JS-SGTS-001', 'JS-XFSJ-001', 'JS-SGXK-001', 'JS-JZLJ-001']);
    // 铁东区 implements 施工许可 itself (its own list follows the city's)
    expect(res.body.items.find((i: any) => i.itemCode === 'JS-SGXK-001').item).toMatchObject({
      regionCode: '210302',
      departmentCode: 'AS-TD-XZSPJ',
      followsVersion: 1,
    });
    expect(res.body.undetermined).toEqual([]);
  });
});
