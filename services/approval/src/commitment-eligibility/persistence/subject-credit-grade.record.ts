import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CreditGrade } from '@cityworks/contracts';

/** Approval's copy of a subject's credit grade, kept from `credit.grade-changed.v1`. */
@Entity({ name: 'subject_credit_grades' })
export class SubjectCreditGradeRecord {
  @PrimaryColumn({ type: 'varchar', length: 18 })
  uscc: string;

  @Column({ type: 'char', length: 1 })
  grade: CreditGrade;

  @Column({ name: 'joint_punishment', type: 'boolean' })
  jointPunishment: boolean;

  @Column({ name: 'green_channel', type: 'boolean' })
  greenChannel: boolean;

  @Column({ type: 'int' })
  version: number;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt: Date;
}
