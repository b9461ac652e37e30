import {
  ApprovalItemSnapshot,
  CatalogEventTypes,
  CatalogItemChangedV1,
  CatalogItemKind,
  NewIntegrationEvent,
  SupervisionItemSnapshot,
} from '@cityworks/contracts';
import type { ListedVersion } from './listed-version.entity';
import type { ChangeFacts } from './versioned-list';

/** A version in an item list (审批事项, 监管事项): every item has a name besides its timeline. */
export type ItemVersion = ListedVersion & { name: string };

/**
 * catalog.item-changed.v1, alike for every item list. The subject `<kind>:<code>` keeps one
 * item's events in order on the topic. `snapshot` is the version the event is about as the
 * catalog's activities answer it (`getApprovalItem`, `getSupervisionItem`), so consumers keep
 * their own copy of the list without calling the catalog.
 */
export function itemChangedEvent(
  kind: CatalogItemKind,
  { version, change, changedFields, flaggedRegionCodes }: ChangeFacts<ItemVersion>,
  snapshot: ApprovalItemSnapshot | SupervisionItemSnapshot,
): NewIntegrationEvent {
  return {
    type: CatalogEventTypes.itemChanged,
    subject: `${kind}:${version.code}`,
    data: {
      kind,
      code: version.code,
      name: version.name,
      regionCode: version.regionCode,
      version: version.version,
      effectiveFrom: version.effectiveFrom,
      change,
      changedFields,
      flaggedRegionCodes,
      occurredAt: new Date().toISOString(),
      snapshot,
    } satisfies CatalogItemChangedV1,
  };
}
