import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One version of a 监管事项 as the catalog announced it. */
@Entity({ name: 'supervision_item_versions' })
export class SupervisionItemVersionRecord {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  code: string;

  @PrimaryColumn({ name: 'region_code', type: 'char', length: 6 })
  regionCode: string;

  @PrimaryColumn({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'department_code', type: 'varchar', length: 64 })
  departmentCode: string;

  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom: string;

  @Column({ type: 'boolean' })
  retired: boolean;

  @Column({ type: 'boolean' })
  withdrawn: boolean;

  @Column({ name: 'catalog_event_id', type: 'varchar', length: 100 })
  catalogEventId: string;
}
