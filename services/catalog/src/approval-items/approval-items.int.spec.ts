import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CatalogEventTypes } from '@cityworks/contracts';
import { waitFor } from '@cityworks/testing';
import { api, approvalItemBody, daysFromToday, makeCity, officer, startCatalog, TestCity } from '../../testing/kit';

describe('approval items (审批事项清单): versions, "as of" reads, immutability, 动态调整', () => {
  let app: INestApplication;
  let db: DataSource;
  let city: TestCity;
  const as = () => api(app);
  const code = (name: string) => `T${city.run}-${name}`;
  const events = (subject: string) =>
    db.query(`SELECT envelope, published_at FROM outbox_events WHERE subject = $1 AND type = $2 ORDER BY created_at`, [subject, CatalogEventTypes.itemChanged]);

  beforeAll(async () => {
    app = await startCatalog();
    db = app.get(DataSource);
    city = await makeCity(app);
  });
  afterAll(() => app?.close());

  describe('a timeline of dated versions', () => {
    const later = () => daysFromToday(30);

    it('publishes a first version (it may record an earlier publication) and announces it', async () => {
      const res = await as()
        .post(`/approval-items/${code('SGXK')}/versions`)
        .send(approvalItemBody(city))
        .expect(201);
      expect(res.body).toMatchObject({
        code: code('SGXK'),
        regionCode: city.city,
        version: 1,
        effectiveFrom: '2025-01-01',
        supervisionMode: '审管分离',
        warningLeadWorkingDays: 2,
        reminderGraceWorkingDays: 5,
      });
      const [event] = await events(`approval-item:${code('SGXK')}`);
      expect(event.envelope).toMatchObject({
        type: 'catalog.item-changed.v1',
        source: '/cityworks/catalog',
        data: { kind: 'approval-item', version: 1, change: 'published' },
      });
      // the version itself travels with the event, as getApprovalItem answers it: consumers keep their own copy
      expect(event.envelope.data.snapshot).toEqual(res.body);
      await waitFor('the relay to publish the event to Kafka', async () => (await events(`approval-item:${code('SGXK')}`))[0].published_at);
    });

    it('adds a future version; every read can be "as of" a date', async () => {
      await as()
        .post(`/approval-items/${code('SGXK')}/versions`)
        .send(approvalItemBody(city, { effectiveFrom: later(), timeLimitWorkingDays: 5, changeNote: '压减办理时限' }))
        .expect(201);
      const asOf = async (date?: string) =>
        (
          await as()
            .get(`/approval-items/${code('SGXK')}`)
            .query({ regionCode: city.city, ...(date ? { asOf: date } : {}) })
            .expect(200)
        ).body;
      expect(await asOf()).toMatchObject({ version: 1, timeLimitWorkingDays: 7 });
      expect(await asOf(daysFromToday(29))).toMatchObject({ version: 1 });
      expect(await asOf(later())).toMatchObject({ version: 2, timeLimitWorkingDays: 5, changeNote: '压减办理时限' });
      await as()
        .get(`/approval-items/${code('SGXK')}`)
        .query({ regionCode: city.city, asOf: '2024-12-31' })
        .expect(404);
      const list = await as().get('/approval-items').query({ regionCode: city.city, ownListOnly: true, asOf: later() }).expect(200);
      expect(list.body.items.map((i: any) => [i.code, i.version])).toContainEqual([code('SGXK'), 2]);
    });

    it('keeps an effective version immutable, at the API (409) and in the database', async () => {
      await as()
        .put(`/approval-items/${code('SGXK')}/versions/1`)
        .query({ regionCode: city.city })
        .send(approvalItemBody(city, { effectiveFrom: undefined, regionCode: undefined }))
        .expect(409);
      await as()
        .del(`/approval-items/${code('SGXK')}/versions/1`)
        .query({ regionCode: city.city })
        .expect(409);
      await expect(db.query(`UPDATE approval_item_versions SET time_limit_working_days = 1 WHERE code = $1 AND version = 1`, [code('SGXK')])).rejects.toThrow(
        /cannot change/,
      );
      const v1 = await as()
        .get(`/approval-items/${code('SGXK')}/versions/1`)
        .query({ regionCode: city.city })
        .expect(200);
      expect(v1.body.timeLimitWorkingDays).toBe(7);
    });

    it('lets a pending version be amended, and refuses a version that would rewrite the past', async () => {
      const amended = await as()
        .put(`/approval-items/${code('SGXK')}/versions/2`)
        .query({ regionCode: city.city })
        .send({ ...approvalItemBody(city, { timeLimitWorkingDays: 4 }), regionCode: undefined, effectiveFrom: undefined })
        .expect(200);
      expect(amended.body).toMatchObject({ version: 2, timeLimitWorkingDays: 4 });

      const before = await as()
        .post(`/approval-items/${code('SGXK')}/versions`)
        .send(approvalItemBody(city, { effectiveFrom: later() }))
        .expect(400);
      expect(before.body.errors).toEqual([{ field: 'effectiveFrom', rules: { afterLatestVersion: expect.stringContaining(later()) } }]);

      await as()
        .post(`/approval-items/${code('BA')}/versions`)
        .send(approvalItemBody(city, { name: '竣工验收备案', category: '行政备案' }))
        .expect(201);
      const past = await as()
        .post(`/approval-items/${code('BA')}/versions`)
        .send(approvalItemBody(city, { effectiveFrom: '2025-06-01' }))
        .expect(400);
      expect(past.body.errors[0]).toMatchObject({ field: 'effectiveFrom', rules: { notInPast: expect.any(String) } });
    });

    it('answers the history of the item: status, validity, what changed', async () => {
      const history = await as()
        .get(`/approval-items/${code('SGXK')}/history`)
        .query({ regionCode: city.city })
        .expect(200);
      expect(history.body).toEqual([
        expect.objectContaining({ version: 1, status: 'effective', effectiveFrom: '2025-01-01', effectiveTo: later() }),
        expect.objectContaining({ version: 2, status: 'pending', effectiveTo: null, changedFields: ['timeLimitWorkingDays'], changeNote: '压减办理时限' }),
      ]);
      const changes = (await events(`approval-item:${code('SGXK')}`)).map((e: any) => e.envelope.data.change);
      expect(changes).toEqual(['published', 'published', 'amended']);
    });

    it('withdraws a pending version', async () => {
      await as()
        .del(`/approval-items/${code('SGXK')}/versions/2`)
        .query({ regionCode: city.city })
        .expect(200);
      const history = await as()
        .get(`/approval-items/${code('SGXK')}/history`)
        .query({ regionCode: city.city })
        .expect(200);
      expect(history.body.map((v: any) => v.version)).toEqual([1]);
      const withdrawn = (await events(`approval-item:${code('SGXK')}`)).at(-1).envelope.data;
      expect(withdrawn).toMatchObject({ change: 'withdrawn', version: 2, snapshot: { code: code('SGXK'), version: 2, timeLimitWorkingDays: 4 } });
    });
  });

  describe('动态调整: a city change flags the district lists that follow an older version', () => {
    it('flags, announces, and closes the flag when the district adopts', async () => {
      const [d1, d2] = city.districts;
      const item = code('GHXK');
      await as()
        .post(`/approval-items/${item}/versions`)
        .send(approvalItemBody(city, { name: '建设工程规划许可证核发', stage: '工程建设许可' }))
        .expect(201);
      // d1 keeps its own list, following the city's version 1 with its own implementing bureau
      await as()
        .post(`/approval-items/${item}/versions`)
        .send(
          approvalItemBody(city, {
            regionCode: d1,
            followsVersion: 1,
            name: '建设工程规划许可证核发',
            stage: '工程建设许可',
            departmentCode: city.departments.districtApproval,
          }),
        )
        .expect(201);
      // d2 keeps no list of its own: it inherits the city's items and has nothing to adjust
      const inherited = await as().get(`/approval-items/${item}`).query({ regionCode: d2 }).expect(200);
      expect(inherited.body).toMatchObject({ regionCode: city.city, version: 1 });
      expect((await as().get(`/approval-items/${item}`).query({ regionCode: d1 }).expect(200)).body).toMatchObject({
        regionCode: d1,
        departmentCode: city.departments.districtApproval,
      });

      await as()
        .post(`/approval-items/${item}/versions`)
        .send(approvalItemBody(city, { name: '建设工程规划许可证核发', stage: '工程建设许可', effectiveFrom: daysFromToday(10), timeLimitWorkingDays: 10 }))
        .expect(201);
      const [, changed] = await events(`approval-item:${item}`).then((rows) => rows.filter((r: any) => r.envelope.data.regionCode === city.city));
      expect(changed.envelope.data).toMatchObject({ version: 2, change: 'published', changedFields: ['timeLimitWorkingDays'], flaggedRegionCodes: [d1] });

      const flags = await as().get('/adjustments').query({ upperRegionCode: city.city, itemCode: item }).expect(200);
      expect(flags.body.items).toEqual([
        expect.objectContaining({ regionCode: d1, itemKind: 'approval-item', upperVersion: 2, followedVersion: 1, reason: 'changed', status: 'open' }),
      ]);
      const lists = await as().get('/adjustments/lists').query({ upperRegionCode: city.city }).expect(200);
      expect(lists.body.find((l: any) => l.regionCode === d1)).toMatchObject({ needsAdjustment: true, openApprovalItemAdjustments: 1 });
      expect(lists.body.find((l: any) => l.regionCode === d2)).toMatchObject({ needsAdjustment: false });

      const adopted = await as()
        .post(`/adjustments/${flags.body.items[0].id}/adopt`)
        .send({ effectiveFrom: daysFromToday(10) })
        .expect(201);
      expect(adopted.body.adjustment.status).toBe('adopted');
      expect(adopted.body.version).toMatchObject({
        regionCode: d1,
        version: 2,
        followsVersion: 2,
        timeLimitWorkingDays: 10,
        departmentCode: city.departments.districtApproval,
      });
      expect((await as().get('/adjustments/lists').query({ regionCode: d1 }).expect(200)).body[0].needsAdjustment).toBe(false);
    });

    it('flags a new city item for district lists of their own, until adopted or dismissed with a reason', async () => {
      const [d1] = city.districts;
      const item = code('RFSP');
      await as()
        .post(`/approval-items/${item}/versions`)
        .send(approvalItemBody(city, { name: '人防工程审批', stage: '工程建设许可', effectiveFrom: daysFromToday(5) }))
        .expect(201);
      const flags = await as().get('/adjustments').query({ regionCode: d1, itemCode: item }).expect(200);
      expect(flags.body.items).toEqual([expect.objectContaining({ reason: 'added', upperVersion: 1, followedVersion: null })]);
      await as().post(`/adjustments/${flags.body.items[0].id}/dismiss`).send({}).expect(400);
      await as().post(`/adjustments/${flags.body.items[0].id}/dismiss`).send({ note: '人防审批由市人防办统一实施，本区不设' }).expect(200);
      await as().post(`/adjustments/${flags.body.items[0].id}/dismiss`).send({ note: 'again' }).expect(409);
      // amending the pending city version does not raise the dismissed flag again
      await as()
        .put(`/approval-items/${item}/versions/1`)
        .query({ regionCode: city.city })
        .send({ ...approvalItemBody(city, { name: '人防工程审批', stage: '工程建设许可' }), regionCode: undefined, effectiveFrom: undefined })
        .expect(200);
      expect((await as().get('/adjustments').query({ regionCode: d1, itemCode: item }).expect(200)).body.total).toBe(0);
    });

    it('retires an item: from that day it no longer applies', async () => {
      const item = code('LSJS');
      await as()
        .post(`/approval-items/${item}/versions`)
        .send(approvalItemBody(city, { name: '临时建设工程规划许可' }))
        .expect(201);
      await as()
        .post(`/approval-items/${item}/retire`)
        .send({ regionCode: city.city, effectiveFrom: daysFromToday(3), changeNote: '事项取消' })
        .expect(201);
      await as().get(`/approval-items/${item}`).query({ regionCode: city.city }).expect(200);
      await as()
        .get(`/approval-items/${item}`)
        .query({ regionCode: city.city, asOf: daysFromToday(3) })
        .expect(404);
      await as()
        .post(`/approval-items/${item}/retire`)
        .send({ regionCode: city.city, effectiveFrom: daysFromToday(4) })
        .expect(409);
    });
  });

  describe('input and access', () => {
    it('refuses bad input with 400 naming each field and rule, and writes nothing', async () => {
      const bad = approvalItemBody(city, {
        category: '行政审批',
        commitmentVerificationWorkingDays: undefined,
        warningLeadWorkingDays: 9,
        allowedClockStops: ['补正材料', '领导出差'],
        effectiveFrom: '2026-02-30',
      });
      const res = await as()
        .post(`/approval-items/${code('BAD')}/versions`)
        .send(bad)
        .expect(400);
      expect(res.body.errors.map((e: any) => e.field).sort()).toEqual([
        'allowedClockStops',
        'category',
        'commitmentVerificationWorkingDays',
        'effectiveFrom',
        'warningLeadWorkingDays',
      ]);
      const unknownDept = await as()
        .post(`/approval-items/${code('BAD')}/versions`)
        .send(approvalItemBody(city, { supervisingDepartmentCode: 'NO-SUCH-DEPT' }))
        .expect(400);
      expect(unknownDept.body.errors).toEqual([{ field: 'supervisingDepartmentCode', rules: { exists: expect.any(String) } }]);
      await as()
        .post(`/approval-items/${code('BAD')}/versions`)
        .send(approvalItemBody(city, { name: '施工\u0000许可' }))
        .expect(400);
      await as().get('/approval-items').query({ q: '\u0000' }).expect(400);
      const [{ n }] = await db.query('SELECT count(*)::int AS n FROM approval_item_versions WHERE code = $1', [code('BAD')]);
      expect(n).toBe(0);
    });

    it('lets every government role read and only the reform office write', async () => {
      const reader = api(app, officer());
      await reader.get('/approval-items').query({ regionCode: city.city }).expect(200);
      await reader
        .post(`/approval-items/${code('NOPE')}/versions`)
        .send(approvalItemBody(city))
        .expect(403);
    });

    it('records every change in the audit log', async () => {
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE resource_type = 'approval-item' AND resource_id = $1`, [
        `${city.city}/${code('SGXK')}`,
      ]);
      expect(n).toBe(4); // published ×2, amended, withdrawn
    });
  });
});
