import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CreditGrade } from '@cityworks/contracts';

/** A subject's grade as last computed, with the version consumers order changes by. */
@Entity({ name: 'subject_grades' })
export class SubjectGrade {
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

/** 信用等级变化: the history of a subject's grade, one row per change. */
@Entity({ name: 'subject_grade_changes' })
export class SubjectGradeChange {
  @PrimaryColumn({ type: 'varchar', length: 18 })
  uscc: string;

  @PrimaryColumn({ type: 'int' })
  version: number;

  @Column({ name: 'grade_before', type: 'char', length: 1, nullable: true })
  gradeBefore: CreditGrade | null;

  @Column({ name: 'grade_after', type: 'char', length: 1 })
  gradeAfter: CreditGrade;

  @Column({ name: 'cause_record_id', type: 'uuid' })
  causeRecordId: string;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt: Date;
}
