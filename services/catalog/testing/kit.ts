import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { randomBytes } from 'node:crypto';
import { Roles } from '@cityworks/contracts';
import { bearer, reformOffice, startServiceApp } from '@cityworks/testing';
import { chinaDateOf, addCalendarDays } from '@cityworks/calendar';
import { AppModule } from '../src/app.module';

/**
 * Shared by the catalog's integration tests: the real AppModule on the real test database.
 * Each test file makes its own city with fresh codes, so files run in parallel and again
 * without cleaning up (the database keeps every run's data, as a catalog keeps its history).
 */
export async function startCatalog(options: { temporalWorker?: boolean } = {}): Promise<INestApplication> {
  process.env.TEMPORAL_WORKER_ENABLED = options.temporalWorker ? 'true' : 'false';
  return startServiceApp(AppModule, 'catalog');
}

export const today = () => chinaDateOf(new Date());

/** supertest with a token: the reform office (工改办) by default, who may read and write. */
export function api(app: INestApplication, token: string = reformOffice()) {
  const http = () => request(app.getHttpServer());
  return {
    get: (url: string) => http().get(url).set('authorization', token),
    post: (url: string) => http().post(url).set('authorization', token),
    put: (url: string) => http().put(url).set('authorization', token),
    del: (url: string) => http().delete(url).set('authorization', token),
  };
}

/** An approval officer of some department: may read the catalog, not change it. */
export const officer = () => bearer({ userId: 'spj-officer', departmentCode: 'AS-XZSPJ', roles: [Roles.approvalOfficer] });
export const daysFromToday = (n: number) => addCalendarDays(today(), n);

export interface TestCity {
  run: string;
  city: string;
  districts: [string, string];
  departments: { approval: string; housing: string; planning: string; districtApproval: string };
}

/** Six-digit region codes nobody uses yet (outside the demo city's 2103xx). */
async function freshRegionCodes(db: DataSource, n: number): Promise<string[]> {
  const codes = new Set<string>();
  while (codes.size < n) {
    const code = String(400000 + Math.floor(Math.random() * 500000));
    const [{ taken }] = await db.query('SELECT EXISTS (SELECT 1 FROM regions WHERE code = $1) AS taken', [code]);
    if (!taken) codes.add(code);
  }
  return [...codes];
}

/** A city with two districts and a few departments, all with codes unique to this run. */
export async function makeCity(app: INestApplication): Promise<TestCity> {
  const as = api(app);
  const run = randomBytes(3).toString('hex').toUpperCase();
  const [city, d1, d2] = await freshRegionCodes(app.get(DataSource), 3);
  await as
    .put(`/regions/${city}`)
    .send({ name: `测试市${run}`, level: '市' })
    .expect(200);
  await as
    .put(`/regions/${d1}`)
    .send({ name: `测试一区${run}`, level: '区县', parentCode: city })
    .expect(200);
  await as
    .put(`/regions/${d2}`)
    .send({ name: `测试开发区${run}`, level: '开发区', parentCode: city })
    .expect(200);
  const departments = {
    approval: `T${run}-XZSPJ`,
    housing: `T${run}-ZJJ`,
    planning: `T${run}-ZRZYJ`,
    districtApproval: `T${run}-D1-XZSPJ`,
  };
  await as.put(`/departments/${departments.approval}`).send({ name: '测试市行政审批局', regionCode: city, kind: '行政审批局' }).expect(200);
  await as.put(`/departments/${departments.housing}`).send({ name: '测试市住房和城乡建设局', regionCode: city, kind: '行业监管部门' }).expect(200);
  await as.put(`/departments/${departments.planning}`).send({ name: '测试市自然资源局', regionCode: city, kind: '行业监管部门' }).expect(200);
  await as.put(`/departments/${departments.districtApproval}`).send({ name: '测试一区行政审批局', regionCode: d1, kind: '行政审批局' }).expect(200);
  return { run, city, districts: [d1, d2], departments };
}

/** A valid approval item body (施工许可), to vary per test. */
export function approvalItemBody(city: TestCity, overrides: Record<string, unknown> = {}) {
  return {
    regionCode: city.city,
    effectiveFrom: '2025-01-01',
    name: '建筑工程施工许可证核发',
    category: '行政许可',
    stage: '施工许可',
    departmentCode: city.departments.approval,
    supervisingDepartmentCode: city.departments.housing,
    legalBasis: '《中华人民共和国建筑法》第七条',
    materials: ['建筑工程施工许可申请表', '施工合同'],
    timeLimitWorkingDays: 7,
    allowedClockStops: ['补正材料'],
    commitmentAllowed: true,
    commitmentVerificationWorkingDays: 20,
    ...overrides,
  };
}
