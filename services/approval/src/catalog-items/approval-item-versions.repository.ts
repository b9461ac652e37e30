import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { ApprovalItemSnapshot } from '@cityworks/contracts';
import type { ApprovalItemVersionChange } from './approval-item-change';

/** The row of `approval_item_versions`: one version of one item in one region's list. */
interface ApprovalItemVersionRow {
  retired: boolean;
  withdrawn: boolean;
  snapshot: ApprovalItemSnapshot;
}

/**
 * approval_item_versions: approval's copy of the catalog's approval-item versions, one row per
 * (code, region_code, version), replaced by every change the catalog announces of it.
 */
@Injectable()
export class ApprovalItemVersionsRepository {
  /**
   * Keeps the version as the event states it: published or amended (again in force: a version
   * number the catalog reuses after a withdrawal), retired, or withdrawn. Events of one item
   * arrive in the order the catalog made the changes (Kafka key `approval-item:<code>`).
   */
  async keep(manager: EntityManager, { snapshot, retired, withdrawn }: ApprovalItemVersionChange): Promise<void> {
    await manager.query(
      `INSERT INTO approval_item_versions (code, region_code, version, effective_from, retired, withdrawn, snapshot, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now())
       ON CONFLICT (code, region_code, version) DO UPDATE SET effective_from = EXCLUDED.effective_from, retired = EXCLUDED.retired,
         withdrawn = EXCLUDED.withdrawn, snapshot = EXCLUDED.snapshot, received_at = EXCLUDED.received_at`,
      [snapshot.code, snapshot.regionCode, snapshot.version, snapshot.effectiveFrom, retired, withdrawn, JSON.stringify(snapshot)],
    );
  }

  /**
   * The version in force on `asOf` in the nearest of `chain`'s lists that has one: in each list
   * the latest version effective on or before `asOf` that was not withdrawn.
   */
  async nearestInForce(manager: EntityManager, code: string, chain: string[], asOf: string): Promise<ApprovalItemVersionRow | undefined> {
    const [row]: ApprovalItemVersionRow[] = await manager.query(
      `SELECT retired, withdrawn, snapshot FROM approval_item_versions
       WHERE code = $1 AND region_code = ANY($2::varchar[]) AND NOT withdrawn AND effective_from <= $3::date
       ORDER BY array_position($2::varchar[], region_code::varchar), effective_from DESC, version DESC
       LIMIT 1`,
      [code, chain, asOf],
    );
    return row;
  }
}
