import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Kafka } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import { ApprovalItemSnapshot, CatalogChange, CatalogEventTypes, CatalogItemChangedV1, IntegrationEvent, Topics } from '@cityworks/contracts';
import { EventConsumer, isPermanentFailure, KAFKA, PermanentEventError, physicalTopic, toKafkaMessage } from '@cityworks/messaging';
import { isolateKafkaConsumers, startServiceApp, waitFor } from '@cityworks/testing';
import { AppModule } from '../app.module';
import { ApprovalItemCatalog } from './approval-item-catalog';
import {
  approvalItemChangedEvent,
  approvalItemSnapshot,
  constructionPermitDefaults,
  deliverCatalogEvent,
  seedApprovalItem,
} from '../../testing/catalog-items.fixture';

/**
 * Approval's own copy of the 审批事项清单, fed by catalog.item-changed.v1 through the inbox, and
 * the lookup applications are accepted against — the real approval app on the real Postgres and
 * Kafka. Item codes are fresh per run: the test database keeps every run's rows.
 */
describe('approval item catalog (approval’s copy of the 审批事项清单)', () => {
  let app: INestApplication;
  let db: DataSource;
  let catalog: ApprovalItemCatalog;
  const run = randomBytes(3).toString('hex').toUpperCase();
  const code = (name: string) => `T${run}-${name}`;
  /** an instant on a China calendar day (08:00 there) */
  const on = (day: string) => new Date(`${day}T08:00:00+08:00`);
  const deliver = (event: IntegrationEvent<CatalogItemChangedV1>) => deliverCatalogEvent(app, event);
  const publish = (overrides: Partial<ApprovalItemSnapshot> & { code: string }, change?: CatalogChange) => {
    const snapshot = approvalItemSnapshot(overrides);
    return deliver(approvalItemChangedEvent(snapshot, change)).then(() => snapshot);
  };
  const inForce = (itemCode: string, regionCode: string, day: string | Date) => catalog.inForce(itemCode, regionCode, typeof day === 'string' ? on(day) : day);

  beforeAll(async () => {
    isolateKafkaConsumers();
    app = await startServiceApp(AppModule);
    db = app.get(DataSource);
    catalog = app.get(ApprovalItemCatalog);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  });

  describe('the version in force for a region on a day', () => {
    const item = () => code('SGXK');
    let city: ApprovalItemSnapshot;
    let district: ApprovalItemSnapshot;

    beforeAll(async () => {
      // 鞍山市 lists the item from 2026-01-01; 铁东区 keeps a list of its own from 2026-03-01 (区级部门实施, 压减时限)
      city = await publish({ code: item(), regionCode: '210300', effectiveFrom: '2026-01-01' });
      district = await publish({
        code: item(),
        regionCode: '210302',
        effectiveFrom: '2026-03-01',
        followsVersion: 1,
        departmentCode: 'AS-TD-XZSPJ',
        supervisingDepartmentCode: 'AS-TD-ZJJ',
        timeLimitWorkingDays: 5,
      });
    });

    it('picks the region’s own list from the day its version takes effect, the city’s before', async () => {
      expect(await inForce(item(), '210302', '2025-12-31')).toBeNull();
      expect(await inForce(item(), '210302', '2026-01-01')).toEqual(city);
      expect(await inForce(item(), '210302', '2026-02-28')).toMatchObject({ regionCode: '210300', departmentCode: 'AS-XZSPJ', timeLimitWorkingDays: 7 });
      expect(await inForce(item(), '210302', '2026-03-01')).toEqual(district);
      expect(await inForce(item(), '210302', '2027-06-30')).toMatchObject({ regionCode: '210302', departmentCode: 'AS-TD-XZSPJ', timeLimitWorkingDays: 5 });
    });

    it('counts the day by China’s calendar: 00:30 in Beijing is already the next day', async () => {
      expect(await inForce(item(), '210302', new Date('2026-02-28T16:30:00Z'))).toMatchObject({ regionCode: '210302' });
      expect(await inForce(item(), '210302', new Date('2026-02-28T15:59:59Z'))).toMatchObject({ regionCode: '210300' });
    });

    it('gives another district and the city itself the city’s version; the province has none', async () => {
      expect(await inForce(item(), '210303', '2026-06-01')).toEqual(city);
      expect(await inForce(item(), '210300', '2026-06-01')).toEqual(city);
      expect(await inForce(item(), '210000', '2026-06-01')).toBeNull();
      expect(await inForce(code('NONE'), '210302', '2026-06-01')).toBeNull();
    });

    it('reaches the province’s list when neither district nor city lists the item', async () => {
      const province = await publish({ code: code('SF'), regionCode: '210000', effectiveFrom: '2026-01-01', name: '省级事项' });
      expect(await inForce(code('SF'), '210302', '2026-02-01')).toEqual(province);
    });

    it('never answers a withdrawn version; a version number published again after a withdrawal counts again', async () => {
      const pending = approvalItemSnapshot({ ...district, version: 2, effectiveFrom: '2026-06-01', timeLimitWorkingDays: 3 });
      await deliver(approvalItemChangedEvent(pending));
      expect(await inForce(item(), '210302', '2026-07-01')).toMatchObject({ version: 2, timeLimitWorkingDays: 3 });
      await deliver(approvalItemChangedEvent(pending, 'withdrawn'));
      expect(await inForce(item(), '210302', '2026-07-01')).toEqual(district);
      const [row] = await db.query('SELECT withdrawn FROM approval_item_versions WHERE code = $1 AND region_code = $2 AND version = 2', [item(), '210302']);
      expect(row.withdrawn).toBe(true);

      // the catalog reuses the number of a withdrawn version for the next one
      const again = approvalItemSnapshot({ ...district, version: 2, effectiveFrom: '2026-06-15', timeLimitWorkingDays: 4 });
      await deliver(approvalItemChangedEvent(again));
      expect(await inForce(item(), '210302', '2026-06-14')).toEqual(district);
      expect(await inForce(item(), '210302', '2026-07-01')).toEqual(again);
    });

    it('keeps an amendment of a pending version', async () => {
      const amended = approvalItemSnapshot({ ...district, version: 2, effectiveFrom: '2026-06-20', timeLimitWorkingDays: 2, changeNote: '再压减' });
      await deliver(approvalItemChangedEvent(amended, 'amended'));
      expect(await inForce(item(), '210302', '2026-06-19')).toEqual(district);
      expect(await inForce(item(), '210302', '2026-06-20')).toEqual(amended);
    });

    it('answers null once the item is retired in the nearest list that lists it, and the version before until then', async () => {
      await publish({ ...city, version: 2, effectiveFrom: '2026-09-01', retired: true, changeNote: '事项取消' });
      expect(await inForce(item(), '210303', '2026-08-31')).toEqual(city);
      expect(await inForce(item(), '210303', '2026-09-01')).toBeNull();
      expect(await inForce(item(), '210300', '2027-01-01')).toBeNull();
      // 铁东区 keeps a list of its own: it retires the item when its own list does
      expect(await inForce(item(), '210302', '2026-09-01')).toMatchObject({ regionCode: '210302', version: 2 });
    });
  });

  describe('the events that feed it', () => {
    it('writes an audit entry in the inbox transaction, and applies a redelivered event once', async () => {
      const event = approvalItemChangedEvent(approvalItemSnapshot({ code: code('REDELIVER') }));
      expect(await deliver(event)).toBe('applied');
      expect(await deliver(event)).toBe('duplicate');
      const audit = await db.query('SELECT action, after FROM audit_log WHERE resource_type = $1 AND resource_id = $2', [
        'approval-item-version',
        `210300/${code('REDELIVER')}/1`,
      ]);
      expect(audit).toEqual([
        {
          action: 'catalog-copy.item-version-received',
          after: { change: 'published', effectiveFrom: '2020-01-01', retired: false, withdrawn: false, catalogEventId: event.id },
        },
      ]);
      expect(await inForce(code('REDELIVER'), '210302', '2026-01-01')).toMatchObject({ code: code('REDELIVER'), version: 1 });
    });

    it('refuses an event without the version’s snapshot for good (parked), writing nothing', async () => {
      const event = approvalItemChangedEvent(approvalItemSnapshot({ code: code('OLD') }), 'published', { withoutSnapshot: true });
      const failure = await deliver(event).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(PermanentEventError);
      expect(isPermanentFailure(failure)).toBe(true);
      expect((failure as Error).message).toMatch(/carries no snapshot/);
      const [{ n }] = await db.query('SELECT count(*)::int AS n FROM approval_item_versions WHERE code = $1', [code('OLD')]);
      expect(n).toBe(0);
      const [{ claimed }] = await db.query('SELECT count(*)::int AS claimed FROM inbox_events WHERE event_id = $1', [event.id]);
      expect(claimed).toBe(0);
    });

    it('refuses a snapshot of another version, or one without the facts an application needs', async () => {
      const snapshot = approvalItemSnapshot({ code: code('BAD') });
      const other = approvalItemChangedEvent(snapshot);
      other.data = { ...other.data, version: 2 };
      await expect(deliver(other)).rejects.toThrow(/another version/);
      const incomplete = approvalItemChangedEvent({ ...snapshot, departmentCode: '', supervisionFeedbackWorkingDays: 0 } as ApprovalItemSnapshot);
      await expect(deliver(incomplete)).rejects.toThrow(/departmentCode, supervisionFeedbackWorkingDays/);
    });

    it('ignores supervision items: they are not approval’s', async () => {
      const event = approvalItemChangedEvent(approvalItemSnapshot({ code: code('JG') }));
      event.data = { ...event.data, kind: 'supervision-item', snapshot: undefined };
      expect(await deliver(event)).toBe('applied');
      const [{ n }] = await db.query('SELECT count(*)::int AS n FROM approval_item_versions WHERE code = $1', [code('JG')]);
      expect(n).toBe(0);
    });

    it('consumes the catalog topic: a published version arrives over Kafka, an event without snapshot is parked', async () => {
      await app.get(EventConsumer).ready;
      const good = approvalItemChangedEvent(approvalItemSnapshot({ code: code('KAFKA') }));
      const old = approvalItemChangedEvent(approvalItemSnapshot({ code: code('KAFKA-OLD') }), 'published', { withoutSnapshot: true });
      const producer = app.get<Kafka>(KAFKA).producer();
      await producer.connect();
      try {
        await producer.send({ topic: physicalTopic(Topics.catalog), messages: [toKafkaMessage(good), toKafkaMessage(old)] });
      } finally {
        await producer.disconnect();
      }
      // a fresh consumer group first works through everything the topics already hold from
      // earlier suites (hundreds of events on a busy CI box)
      const patience = { timeoutMs: 120_000, intervalMs: 250 };
      await waitFor('the version to arrive', () => inForce(code('KAFKA'), '210302', '2026-01-01'), patience);
      const parked = await waitFor(
        'the event without snapshot to be parked',
        async () => (await db.query('SELECT type, failed_error, attempts FROM inbox_events WHERE event_id = $1 AND failed_error IS NOT NULL', [old.id]))[0],
        patience,
      );
      expect(parked).toMatchObject({ type: CatalogEventTypes.itemChanged, attempts: 1, failed_error: expect.stringContaining('carries no snapshot') });
    }, 300_000);
  });

  describe('seedApprovalItem (the fixture other tests use)', () => {
    it('fills in 施工许可 JS-SGXK-001 of 鞍山 and seeds idempotently', async () => {
      const seeded = await seedApprovalItem(app, { code: code('SEED') });
      expect(seeded).toEqual({ ...constructionPermitDefaults, code: code('SEED') });
      expect(await seedApprovalItem(app, { code: code('SEED') })).toEqual(seeded);
      expect(await inForce(code('SEED'), '210302', new Date())).toEqual(seeded);
      const [{ n }] = await db.query('SELECT count(*)::int AS n FROM approval_item_versions WHERE code = $1', [code('SEED')]);
      expect(n).toBe(1);
      const changed = await seedApprovalItem(app, { code: code('SEED'), timeLimitWorkingDays: 3, departmentCode: 'AS-ZJJ' });
      expect(changed).toMatchObject({ timeLimitWorkingDays: 3, supervisionMode: '审管一体' });
      expect(await inForce(code('SEED'), '210302', new Date())).toEqual(changed);
    });
  });
});
