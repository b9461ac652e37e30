import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface ItemInForce {
  code: string;
  regionCode: string;
  departmentCode: string;
  name: string;
}

/** Supervision's copy of the 监管事项清单, read. */
@Injectable()
export class SupervisionItemCatalog {
  /**
   * What the copy knows of `code` on `day` (YYYY-MM-DD): `known` when any version of it ever
   * arrived, and the versions in force that day, one per list (region), retired ones left out.
   */
  async lookup(manager: EntityManager, code: string, day: string): Promise<{ known: boolean; inForce: ItemInForce[] }> {
    const rows: { code: string; region_code: string; department_code: string; name: string; retired: boolean }[] = await manager.query(
      `SELECT DISTINCT ON (region_code) code, region_code, department_code, name, retired
         FROM supervision_item_versions
        WHERE code = $1 AND NOT withdrawn AND effective_from <= $2::date
        ORDER BY region_code, effective_from DESC, version DESC`,
      [code, day],
    );
    const [{ known }] = await manager.query('SELECT EXISTS (SELECT 1 FROM supervision_item_versions WHERE code = $1) AS known', [code]);
    return {
      known,
      inForce: rows.filter((r) => !r.retired).map((r) => ({ code: r.code, regionCode: r.region_code, departmentCode: r.department_code, name: r.name })),
    };
  }
}
