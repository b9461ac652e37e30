import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { api, makeCity, startCatalog, TestCity } from '../../testing/kit';

/**
 * Both item lists share their routes (itemListController); each must still document and
 * validate its own request classes, not the shared bases they are declared with.
 */
describe('item-list routes: each list keeps its own request classes', () => {
  let app: INestApplication;
  let city: TestCity;
  let doc: any;

  beforeAll(async () => {
    app = await startCatalog();
    city = await makeCity(app);
    doc = (await request(app.getHttpServer()).get('/docs/openapi.json').expect(200)).body;
  });
  afterAll(() => app?.close());

  it.each([
    ['approval-items', 'ApprovalItems', 'ApprovalItem', 'stage'],
    ['supervision-items', 'SupervisionItems', 'SupervisionItem', 'riskLevel'],
  ])('/%s is documented with its own DTOs, views, filters and operation ids', (route, plural, singular, filter) => {
    const bodyOf = (op: any) => op.requestBody.content['application/json'].schema.$ref;
    const okOf = (op: any, status: string) => op.responses[status].content['application/json'].schema;
    const publish = doc.paths[`/${route}/{code}/versions`].post;
    const amend = doc.paths[`/${route}/{code}/versions/{version}`].put;
    expect(bodyOf(publish)).toBe(`#/components/schemas/Publish${singular}Dto`);
    expect(bodyOf(amend)).toBe(`#/components/schemas/Amend${singular}Dto`);
    expect(okOf(publish, '201')).toEqual({ $ref: `#/components/schemas/${singular}View` });
    expect(okOf(doc.paths[`/${route}/{code}/history`].get, '200')).toEqual({ type: 'array', items: { $ref: `#/components/schemas/${singular}HistoryView` } });
    expect(doc.paths[`/${route}`].get.parameters.map((p: any) => p.name)).toContain(filter);
    expect(publish.operationId).toBe(`${plural}Controller_publish`);
    expect(publish.tags).toEqual([route]);
  });

  it("validates a list filter and a published version against the list's own classes", async () => {
    const refused = await api(app).get('/supervision-items').query({ riskLevel: '极高' }).expect(400);
    expect(refused.body.errors.map((e: any) => e.field)).toEqual(['riskLevel']);
    await api(app).get('/supervision-items').query({ regionCode: city.city, riskLevel: '高' }).expect(200);

    const bad = await api(app)
      .post(`/supervision-items/T${city.run}-JG-X/versions`)
      .send({
        regionCode: city.city,
        effectiveFrom: '2025-01-01',
        name: '对施工许可的监管',
        departmentCode: city.departments.housing,
        subject: '建设单位',
        measures: ['行政检查'],
        legalBasis: '依据',
        randomCheckRatio: 2,
        checksPerYear: 1,
        riskLevel: '中',
      })
      .expect(400);
    expect(bad.body.errors.map((e: any) => e.field)).toEqual(['randomCheckRatio']);
  });
});
