import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CatalogItemKind } from '@cityworks/contracts';

export type AdjustmentStatus = 'open' | 'adopted' | 'dismissed' | 'superseded' | 'withdrawn';
export type AdjustmentReason = 'changed' | 'added' | 'retired';

/**
 * 动态调整 flag: a lower list (区县) still follows an older version of an item the upper list
 * (市) changed, added or retired. Open until the lower list adopts the new version or the
 * reform office dismisses it with a reason; at most one open flag per list and item.
 */
@Entity({ name: 'list_adjustments' })
export class ListAdjustment {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'item_kind', type: 'varchar', length: 20 })
  itemKind: CatalogItemKind;

  /** the lower list that needs adjusting */
  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode: string;

  @Column({ name: 'item_code', type: 'varchar', length: 64 })
  itemCode: string;

  @Column({ name: 'upper_region_code', type: 'varchar', length: 6 })
  upperRegionCode: string;

  /** the upper list's version to adopt */
  @Column({ name: 'upper_version', type: 'int' })
  upperVersion: number;

  /** the upper version the lower list follows now (null: it does not list the item) */
  @Column({ name: 'followed_version', type: 'int', nullable: true })
  followedVersion: number | null;

  @Column({ type: 'varchar', length: 10 })
  reason: AdjustmentReason;

  @Column({ type: 'varchar', length: 12 })
  status: AdjustmentStatus;

  @Column({ name: 'raised_at', type: 'timestamptz' })
  raisedAt: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'closing_note', type: 'text', nullable: true })
  closingNote: string | null;
}
