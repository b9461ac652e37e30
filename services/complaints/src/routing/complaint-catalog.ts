import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { ItemDepartments } from './duty';
import { regionChain } from './region-chain';

/** China keeps one zone, UTC+8: versions take effect by China's calendar. */
const chinaDateOf = (instant: Date) => new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** One approval-item version as complaints keeps it: who implements it and who supervises it. */
export interface ItemVersionKept {
  code: string;
  regionCode: string;
  version: number;
  effectiveFrom: string;
  retired: boolean;
  withdrawn: boolean;
  implementingDepartmentCode: string;
  supervisingDepartmentCode: string;
}

/**
 * What complaints knows of the catalog and of projects, from events only (ADR 0013, ADR 0020):
 * `complaint_item_versions` (catalog.item-changed.v1 of approval items: the 实施部门 and 监管部门
 * of each version) and `complaint_project_items` (approval.application-accepted.v1: which items a
 * project applied for, where). Routing reads these, never the catalog, so a complaint is received
 * while the catalog is down.
 */
@Injectable()
export class ComplaintCatalog {
  async keepItemVersion(manager: EntityManager, v: ItemVersionKept): Promise<void> {
    await manager.query(
      `INSERT INTO complaint_item_versions (code, region_code, version, effective_from, retired, withdrawn, implementing_department_code, supervising_department_code, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())
       ON CONFLICT (code, region_code, version) DO UPDATE SET effective_from = EXCLUDED.effective_from, retired = EXCLUDED.retired, withdrawn = EXCLUDED.withdrawn,
         implementing_department_code = EXCLUDED.implementing_department_code, supervising_department_code = EXCLUDED.supervising_department_code, received_at = now()`,
      [v.code, v.regionCode, v.version, v.effectiveFrom, v.retired, v.withdrawn, v.implementingDepartmentCode, v.supervisingDepartmentCode],
    );
  }

  async keepProjectItem(
    manager: EntityManager,
    a: { applicationId: string; projectCode: string; itemCode: string; regionCode: string; acceptedAt: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO complaint_project_items (application_id, project_code, item_code, region_code, accepted_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (application_id) DO NOTHING`,
      [a.applicationId, a.projectCode, a.itemCode, a.regionCode, a.acceptedAt],
    );
  }

  /**
   * The departments of `itemCode` in force on `asOf` for `regionCode`: the region's own list first,
   * then the lists above it; never a withdrawn version nor one not yet effective; null when none or
   * when the nearest list that has it retires it.
   */
  async itemInForce(manager: EntityManager, itemCode: string, regionCode: string, asOf: Date): Promise<ItemDepartments | null> {
    const chain = regionChain(regionCode);
    const [row]: { retired: boolean; implementing: string; supervising: string }[] = await manager.query(
      `SELECT retired, implementing_department_code AS implementing, supervising_department_code AS supervising FROM complaint_item_versions
        WHERE code = $1 AND region_code = ANY($2::varchar[]) AND NOT withdrawn AND effective_from <= $3::date
        ORDER BY array_position($2::varchar[], region_code::varchar), effective_from DESC, version DESC LIMIT 1`,
      [itemCode, chain, chinaDateOf(asOf)],
    );
    return row && !row.retired ? { itemCode, implementingDepartmentCode: row.implementing, supervisingDepartmentCode: row.supervising } : null;
  }

  /** The item of the project's latest application accepted in the region or a region below it (the project concerned, 属地). */
  async projectItemInForce(manager: EntityManager, projectCode: string, regionCode: string, asOf: Date): Promise<ItemDepartments | null> {
    const [row]: { item_code: string; region_code: string }[] = await manager.query(
      `SELECT item_code, region_code FROM complaint_project_items WHERE project_code = $1 AND accepted_at <= $2
        ORDER BY accepted_at DESC, application_id LIMIT 1`,
      [projectCode, asOf],
    );
    if (!row || !regionChain(row.region_code).includes(regionCode)) return null;
    return this.itemInForce(manager, row.item_code, row.region_code, asOf);
  }
}
