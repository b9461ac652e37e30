import { EntityManager, ObjectLiteral } from 'typeorm';
import { randomUUID } from 'node:crypto';
import type { CatalogItemKind } from '@cityworks/contracts';
import { ListAdjustment, AdjustmentReason, AdjustmentStatus } from '../adjustments/list-adjustment.entity';
import { Region } from '../regions/region.entity';
import type { ListedVersion } from './listed-version.entity';

interface FlagConfig<E> {
  kind: string;
  entity: new () => E;
}

type Rows = new () => ObjectLiteral;

/**
 * 上级清单作出动态调整的，下级清单要及时调整: after any change to an item in a list, each
 * list directly below is checked — one that still follows an older version of the item (or
 * keeps a list of its own but lacks a newly added item) gets exactly one open flag pointing at
 * the latest upper version; flags no longer needed are closed, saying why.
 */
export class LowerListFlags<E extends ListedVersion> {
  constructor(private readonly config: FlagConfig<E>) {}

  /**
   * Reconciles the flags of the item `code` below `regionCode`, and the list's own flag
   * towards the list above it. Returns the lower lists left with an open flag for the item.
   */
  async refresh(manager: EntityManager, regionCode: string, code: string): Promise<string[]> {
    const region = await manager.findOneOrFail(Region, { where: { code: regionCode } });
    if (region.parentCode) await this.reconcile(manager, region.parentCode, code, [regionCode]);
    const children = (await manager.find(Region, { where: { parentCode: regionCode }, order: { code: 'ASC' } })).map((r) => r.code);
    return this.reconcile(manager, regionCode, code, children);
  }

  private async reconcile(manager: EntityManager, upperRegion: string, code: string, lowerRegions: string[]): Promise<string[]> {
    const kind = this.config.kind as CatalogItemKind;
    const upperLatest = await this.latest(manager, upperRegion, code);
    const flagged: string[] = [];
    for (const lower of lowerRegions) {
      const lowerLatest = await this.latest(manager, lower, code);
      const open = await manager.findOne(ListAdjustment, { where: { itemKind: kind, regionCode: lower, itemCode: code, status: 'open' } });
      let wanted: { upperVersion: number; reason: AdjustmentReason; followed: number | null } | undefined;
      if (upperLatest && lowerLatest) {
        if (lowerLatest.followsVersion !== null && lowerLatest.followsVersion < upperLatest.version) {
          wanted = { upperVersion: upperLatest.version, reason: upperLatest.retired ? 'retired' : 'changed', followed: lowerLatest.followsVersion };
        }
      } else if (upperLatest && !upperLatest.retired && (open || (upperLatest.version === 1 && (await this.keepsOwnList(manager, lower))))) {
        wanted = { upperVersion: upperLatest.version, reason: 'added', followed: null };
      }
      if (wanted && open?.upperVersion === wanted.upperVersion) {
        flagged.push(lower);
        continue;
      }
      // the reform office decided this lower list keeps its own version: do not raise it again
      if (
        wanted &&
        (await manager.exists(ListAdjustment, {
          where: { itemKind: kind, regionCode: lower, itemCode: code, upperVersion: wanted.upperVersion, status: 'dismissed' },
        }))
      ) {
        wanted = undefined;
      }
      if (open) {
        const adopted = lowerLatest?.followsVersion != null && lowerLatest.followsVersion >= open.upperVersion;
        await this.close(manager, open, wanted ? 'superseded' : adopted ? 'adopted' : 'withdrawn');
      }
      if (wanted) {
        await manager.insert(ListAdjustment, {
          id: randomUUID(),
          itemKind: kind,
          regionCode: lower,
          itemCode: code,
          upperRegionCode: upperRegion,
          upperVersion: wanted.upperVersion,
          followedVersion: wanted.followed,
          reason: wanted.reason,
          status: 'open',
          raisedAt: new Date(),
          closedAt: null,
          closingNote: null,
        });
        flagged.push(lower);
      }
    }
    return flagged;
  }

  private async close(manager: EntityManager, flag: ListAdjustment, status: AdjustmentStatus): Promise<void> {
    await manager.update(ListAdjustment, { id: flag.id }, { status, closedAt: new Date() });
  }

  private latest(manager: EntityManager, regionCode: string, code: string): Promise<E | null> {
    return manager.findOne(this.config.entity as Rows, { where: { regionCode, code }, order: { version: 'DESC' } }) as Promise<E | null>;
  }

  private keepsOwnList(manager: EntityManager, regionCode: string): Promise<boolean> {
    return manager.exists(this.config.entity as Rows, { where: { regionCode } });
  }
}
