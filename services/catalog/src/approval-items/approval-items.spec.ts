import { INestApplication } from '@nestjs/common';
import { api, approvalItemBody, makeCity, startCatalog, TestCity } from '../__tests__/kit';

describe('approval items (审批事项清单): versions, "as of" reads, immutability', () => {
  let app: INestApplication;
  let city: TestCity;
  const as = () => api(app);

  beforeAll(async () => {
    app = await startCatalog();
    city = await makeCity(app);
  });
  afterAll(() => app?.close());

  it('publishes a first version and reads it back', async () => {
    const code = `T${city.run}-SGXK`;
    const res = await as().post(`/approval-items/${code}/versions`).send(approvalItemBody(city)).expect(201);
    expect(res.body).toMatchObject({ code, regionCode: city.city, version: 1, effectiveFrom: '2025-01-01', supervisionMode: '审管分离', warningLeadWorkingDays: 2 });
    const got = await as().get(`/approval-items/${code}`).query({ regionCode: city.city }).expect(200);
    expect(got.body).toMatchObject({ version: 1, materials: ['建筑工程施工许可申请表', '施工合同'], allowedClockStops: ['补正材料'] });
  });
});
