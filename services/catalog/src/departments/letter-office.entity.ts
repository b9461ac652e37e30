import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Department } from './department.entity';

/**
 * An office that issues 提醒函 / 督办函; its short name opens the 文号, e.g.
 * 鞍工改办督〔2026〕12号, so it is unique.
 */
@Entity({ name: 'letter_offices' })
export class LetterOffice {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** 文号 prefix, e.g. 鞍工改办 */
  @Column({ name: 'short_name', type: 'varchar', length: 32, unique: true })
  shortName: string;

  @Column({ name: 'department_code', type: 'varchar', length: 64 })
  departmentCode: string;

  @ManyToOne('Department', (department: Department) => department.letterOffices, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'department_code' })
  department?: Department;
}
