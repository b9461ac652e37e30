import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { CreditGrade } from '@cityworks/contracts';
import type { RiskLevel, SubjectSource } from '../domain/subject';

/** How a subject of the 监管对象库 is stored; the model is ../domain/subject.ts. */
@Entity({ name: 'supervised_subjects' })
export class SubjectRecord {
  @PrimaryColumn({ type: 'varchar', length: 18 })
  uscc: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  name: string | null;

  @Column({ name: 'region_code', type: 'varchar', length: 12 })
  regionCode: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  industry: string | null;

  @Column({ name: 'risk_level', type: 'varchar', length: 8 })
  riskLevel: RiskLevel;

  @Column({ name: 'credit_grade', type: 'varchar', length: 1, nullable: true })
  creditGrade: CreditGrade | null;

  @Column({ name: 'credit_grade_version', type: 'int', default: 0 })
  creditGradeVersion: number;

  @Column({ name: 'credit_grade_changed_at', type: 'timestamptz', nullable: true })
  creditGradeChangedAt: Date | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  sources: SubjectSource[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
