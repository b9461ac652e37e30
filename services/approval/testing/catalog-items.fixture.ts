import { INestApplication } from '@nestjs/common';
import { ApprovalItemSnapshot, CatalogChange, CatalogEventTypes, CatalogItemChangedV1, IntegrationEvent } from '@cityworks/contracts';
import { randomUUID } from 'node:crypto';
import { EventConsumer } from '@cityworks/messaging';
import { CatalogItemChangedHandler } from '../src/catalog-items/catalog-item-changed.handler';

/**
 * 建筑工程施工许可证核发 (JS-SGXK-001) in 鞍山市's list (210300) as the demo catalog publishes it
 * (services/catalog/src/demo/anshan-demo.json): 行政审批局 approves, 住建局 supervises (审管分离),
 * 7 working days, only 补正材料 stops the clock, 告知承诺 allowed with 20 working days to verify,
 * 5 working days for the supervision feedback. Effective from 2020-01-01 so any test date finds it.
 */
export const constructionPermitDefaults: Omit<ApprovalItemSnapshot, 'code'> = {
  regionCode: '210300',
  version: 1,
  effectiveFrom: '2020-01-01',
  followsVersion: null,
  retired: false,
  changeNote: null,
  publishedAt: '2019-12-31T16:00:00.000Z',
  name: '建筑工程施工许可证核发',
  category: '行政许可',
  stage: '施工许可',
  departmentCode: 'AS-XZSPJ',
  supervisingDepartmentCode: 'AS-ZJJ',
  supervisionMode: '审管分离',
  legalBasis: '《中华人民共和国建筑法》第七条、第八条；《建筑工程施工许可管理办法》',
  materials: [
    '建筑工程施工许可申请表',
    '建设工程规划许可证',
    '中标通知书及施工合同',
    '施工图设计文件审查合格书',
    '建设资金已经落实承诺书',
    '质量安全监督手续材料',
  ],
  intermediaryServiceRequired: false,
  technicalReviewRequired: false,
  expertReviewRequired: false,
  siteSurveyRequired: false,
  timeLimitWorkingDays: 7,
  allowedClockStops: ['补正材料'],
  commitmentAllowed: true,
  commitmentVerificationWorkingDays: 20,
  supervisionFeedbackWorkingDays: 5,
  warningLeadWorkingDays: 2,
  reminderGraceWorkingDays: 5,
  escalationGraceWorkingDays: 5,
};

/** A whole approval-item version: the defaults above with `overrides`; 审管一体/分离 follows the departments unless given. */
export function approvalItemSnapshot(overrides: Partial<ApprovalItemSnapshot> & { code: string }): ApprovalItemSnapshot {
  const snapshot = { ...constructionPermitDefaults, ...overrides };
  if (overrides.supervisionMode === undefined)
    snapshot.supervisionMode = snapshot.departmentCode === snapshot.supervisingDepartmentCode ? '审管一体' : '审管分离';
  if (overrides.commitmentAllowed === false && overrides.commitmentVerificationWorkingDays === undefined) snapshot.commitmentVerificationWorkingDays = null;
  return snapshot;
}

/** The catalog.item-changed.v1 the catalog would publish for `snapshot` (a new event id unless given). */
export function approvalItemChangedEvent(
  snapshot: ApprovalItemSnapshot,
  change: CatalogChange = snapshot.retired ? 'retired' : 'published',
  options: { id?: string; withoutSnapshot?: boolean } = {},
): IntegrationEvent<CatalogItemChangedV1> {
  return {
    specversion: '1.0',
    id: options.id ?? randomUUID(),
    source: '/cityworks/catalog',
    type: CatalogEventTypes.itemChanged,
    time: new Date().toISOString(),
    subject: `approval-item:${snapshot.code}`,
    datacontenttype: 'application/json',
    correlationid: `test-catalog-${snapshot.code}`,
    data: {
      kind: 'approval-item',
      code: snapshot.code,
      name: snapshot.name,
      regionCode: snapshot.regionCode,
      version: snapshot.version,
      effectiveFrom: snapshot.effectiveFrom,
      change,
      changedFields: [],
      flaggedRegionCodes: [],
      occurredAt: new Date().toISOString(),
      ...(options.withoutSnapshot ? {} : { snapshot }),
    },
  };
}

/** Delivers an event to approval's catalog-copy handler as the Kafka consumer does (inbox transaction). */
export function deliverCatalogEvent(app: INestApplication, event: IntegrationEvent<CatalogItemChangedV1>): Promise<'applied' | 'duplicate'> {
  return app.get(EventConsumer).handleOnce(event, app.get(CatalogItemChangedHandler));
}

/**
 * Puts an approval-item version into approval's copy of the catalog, as if the catalog had
 * published it: the 施工许可 defaults above with `snapshot`'s fields over them, delivered as
 * catalog.item-changed.v1 through the consumer. Idempotent: seeding the same version again
 * leaves the copy as it was, seeding other content for the same code, region and version
 * replaces it (as an amendment would). Each seed is a new event, so the copy always holds the
 * last seed (an id derived from the content would be a duplicate after another seed replaced it). The test database is shared by every test file and run, so a test that
 * needs content of its own should seed an item code of its own.
 */
export async function seedApprovalItem(app: INestApplication, snapshot: Partial<ApprovalItemSnapshot> & { code: string }): Promise<ApprovalItemSnapshot> {
  const full = approvalItemSnapshot(snapshot);
  await deliverCatalogEvent(app, approvalItemChangedEvent(full));
  return full;
}
