import { Column, CreateDateColumn, Entity, OneToMany, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { DepartmentKind } from '@cityworks/contracts';
import { LetterOffice } from './letter-office.entity';

/** 实施部门 / 监管部门 / 工改办 …: who approves, supervises, and issues letters, in a region. */
@Entity({ name: 'departments' })
export class Department {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode: string;

  @Column({ type: 'varchar', length: 16 })
  kind: DepartmentKind;

  @OneToMany(() => LetterOffice, (office) => office.department)
  letterOffices: LetterOffice[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
