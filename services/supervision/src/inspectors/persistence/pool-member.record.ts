import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PoolKind, RelativeRelation } from '../domain/pool-member';

/** 执法人员库 and 专家库 in one table, told apart by `kind`; the model is ../domain/pool-member.ts. */
@Entity({ name: 'pool_members' })
export class PoolMemberRecord {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  kind: PoolKind;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'department_code', type: 'varchar', length: 64, nullable: true })
  departmentCode: string | null;

  @Column({ name: 'region_code', type: 'varchar', length: 12 })
  regionCode: string;

  @Column({ name: 'certificate_number', type: 'varchar', length: 64 })
  certificateNumber: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  specialties: string[];

  @Column({ name: 'employer_uscc', type: 'varchar', length: 18, nullable: true })
  employerUscc: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  relatives: RelativeRelation[];

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;

  @Column({ name: 'registered_by', type: 'varchar', length: 128 })
  registeredBy: string;
}
