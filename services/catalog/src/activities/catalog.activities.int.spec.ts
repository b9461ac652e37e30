import { INestApplication } from '@nestjs/common';
import { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { TaskQueues } from '@cityworks/contracts';
import { readInfraConfig } from '@cityworks/platform';
import { TemporalWorkerHost } from '@cityworks/temporal';
import { waitFor } from '@cityworks/testing';
import { api, approvalItemBody, makeCity, startCatalog, TestCity } from '../../testing/kit';
import { CatalogActivitiesImpl } from './catalog.activities';

describe('activities on task queue `catalog`', () => {
  let app: INestApplication;
  let city: TestCity;
  let activities: CatalogActivitiesImpl;

  beforeAll(async () => {
    app = await startCatalog({ temporalWorker: true });
    city = await makeCity(app);
    activities = app.get(CatalogActivitiesImpl);
  });
  afterAll(() => app?.close());

  it('runs a worker polling the `catalog` task queue of the Temporal server', async () => {
    await waitFor('the activity worker to run', async () => app.get(TemporalWorkerHost).state === 'RUNNING', { timeoutMs: 30000 });
    const infra = readInfraConfig();
    const connection = await Connection.connect({ address: infra.temporalAddress });
    try {
      const pollers = await waitFor('the worker to poll', async () => {
        const res = await connection.workflowService.describeTaskQueue({
          namespace: infra.temporalNamespace,
          taskQueue: { name: TaskQueues.catalog },
          taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY,
        });
        return res.pollers?.find((p) => p.identity?.startsWith(`${process.pid}@`));
      });
      expect(pollers).toBeTruthy();
    } finally {
      await connection.close();
    }
  });

  it('serves the item in force and the calendar', async () => {
    await api(app).post(`/approval-items/T${city.run}-SGXK/versions`).send(approvalItemBody(city)).expect(201);
    const item = await activities.getApprovalItem({ code: `T${city.run}-SGXK`, regionCode: city.districts[0] });
    expect(item).toMatchObject({
      regionCode: city.city,
      version: 1,
      timeLimitWorkingDays: 7,
      allowedClockStops: ['补正材料'],
      commitmentVerificationWorkingDays: 20,
      warningLeadWorkingDays: 2,
    });
    expect(await activities.addWorkingDays({ start: '2026-02-13', days: 2 })).toEqual({ date: '2026-02-24', provisional: false });
    expect(await activities.subtractWorkingDays({ date: '2026-02-24', days: 1 })).toEqual({ date: '2026-02-14', provisional: false });
    expect(await activities.workingDaysBetween({ from: '2026-09-30', to: '2026-10-10' })).toEqual({ days: 3, provisional: false });
    expect(await activities.isWorkingDay({ date: '2026-10-01' })).toMatchObject({ working: false, name: '国庆节', provisional: false });
    expect(await activities.dueInstant({ acceptedAt: '2026-12-15T01:00:00Z', limitDays: 20 })).toEqual({
      dueAt: '2027-01-13T15:59:59.999Z',
      dueDate: '2027-01-13',
      provisional: true,
    });
  });

  it('names the letter office of the nearest 工改办 at or above a region (发文机关)', async () => {
    const as = api(app);
    const ggb = (code: string, regionCode: string, office?: string) =>
      as
        .put(`/departments/${code}`)
        .send({
          name: `${code} 工程建设项目审批制度改革领导小组办公室`,
          regionCode,
          kind: '工改办',
          ...(office ? { letterOffices: [{ code: `${code}-LETTERS`, name: `${code} 工改办`, shortName: office }] } : {}),
        })
        .expect(200);
    const [district, zone] = city.districts;
    await ggb(`T${city.run}-GGB`, city.city, `测${city.run}工改办`);
    await ggb(`T${city.run}-D1-GGB`, district, `测一${city.run}工改办`);
    // a 工改办 without a letter office writes under the one above it
    await ggb(`T${city.run}-D2-GGB`, zone);
    expect(await activities.letterOfficeFor({ regionCode: district })).toEqual({
      code: `T${city.run}-D1-GGB-LETTERS`,
      name: `T${city.run}-D1-GGB 工改办`,
      shortName: `测一${city.run}工改办`,
      departmentCode: `T${city.run}-D1-GGB`,
    });
    expect(await activities.letterOfficeFor({ regionCode: zone })).toMatchObject({ code: `T${city.run}-GGB-LETTERS`, departmentCode: `T${city.run}-GGB` });
    expect(await activities.letterOfficeFor({ regionCode: city.city })).toMatchObject({ shortName: `测${city.run}工改办` });
    expect(await activities.getDepartment({ code: city.departments.housing })).toEqual({
      code: city.departments.housing,
      name: '测试市住房和城乡建设局',
      regionCode: city.city,
      kind: '行业监管部门',
    });
  });

  it('answers the demo city: 铁东区 has its own office, 铁西区 writes under 鞍山市', async () => {
    await api(app).post('/demo/load').expect(200);
    expect(await activities.letterOfficeFor({ regionCode: '210302' })).toEqual({
      code: 'AS-TD-GGB-LETTERS',
      name: '铁东区工程建设项目审批制度改革领导小组办公室',
      shortName: '铁东工改办',
      departmentCode: 'AS-TD-GGB',
    });
    expect(await activities.letterOfficeFor({ regionCode: '210303' })).toEqual({
      code: 'AS-GGB-LETTERS',
      name: '鞍山市工程建设项目审批制度改革领导小组办公室',
      shortName: '鞍工改办',
      departmentCode: 'AS-GGB',
    });
  });

  it('fails without retry when retrying cannot help', async () => {
    await expect(activities.getApprovalItem({ code: 'NO-SUCH-ITEM', regionCode: city.city })).rejects.toMatchObject({ type: 'NotFound', nonRetryable: true });
    await expect(activities.getSupervisionItem({ code: 'X', regionCode: '999999' })).rejects.toMatchObject({ type: 'NotFound', nonRetryable: true });
    await expect(activities.addWorkingDays({ start: '2026-13-01', days: 1 })).rejects.toMatchObject({ type: 'InvalidInput', nonRetryable: true });
    await expect(activities.isWorkingDay({ date: 'tomorrow' })).rejects.toMatchObject({ type: 'InvalidInput', nonRetryable: true });
    await expect(activities.dueInstant({ acceptedAt: 'soon', limitDays: 5 })).rejects.toMatchObject({ type: 'InvalidInput', nonRetryable: true });
    // a region with no 工改办 above it, one nobody knows, one that is no code
    const lonely = await makeCity(app);
    await expect(activities.letterOfficeFor({ regionCode: lonely.districts[0] })).rejects.toMatchObject({ type: 'NotFound', nonRetryable: true });
    await expect(activities.letterOfficeFor({ regionCode: '999999' })).rejects.toMatchObject({ type: 'NotFound', nonRetryable: true });
    await expect(activities.letterOfficeFor({ regionCode: '21030' })).rejects.toMatchObject({ type: 'InvalidInput', nonRetryable: true });
    await expect(activities.getDepartment({ code: 'NO-SUCH-DEPT' })).rejects.toMatchObject({ type: 'NotFound', nonRetryable: true });
    await expect(activities.getDepartment({ code: '' })).rejects.toMatchObject({ type: 'InvalidInput', nonRetryable: true });
  });
});
