import { Column, Entity, PrimaryColumn, UpdateDateColumn, CreateDateColumn } from 'typeorm';
import type { SubjectInfoSource, SubjectKind } from './subject';

/** 市场主体: an enterprise, institution or other organisation with a 统一社会信用代码. */
@Entity({ name: 'subjects' })
export class Subject {
  @PrimaryColumn({ type: 'varchar', length: 18 })
  uscc: string;

  /** from the code's first character */
  @Column({ type: 'varchar', length: 24 })
  kind: SubjectKind;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** 法定代表人 (or 负责人) */
  @Column({ name: 'legal_representative', type: 'varchar', length: 100, nullable: true })
  legalRepresentative: string | null;

  @Column({ name: 'region_code', type: 'varchar', length: 6, nullable: true })
  regionCode: string | null;

  /** when the facts were true (the event's decision or the API call) */
  @Column({ name: 'info_as_of', type: 'timestamptz' })
  infoAsOf: Date;

  @Column({ name: 'info_source', type: 'varchar', length: 8 })
  infoSource: SubjectInfoSource;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** 从业人员: a practitioner (注册建造师, 监理工程师 …) known by certificate number, linked to the employer. */
@Entity({ name: 'practitioners' })
export class Practitioner {
  /** 注册证书编号 */
  @PrimaryColumn({ name: 'certificate_number', type: 'varchar', length: 32 })
  certificateNumber: string;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  /** 执业资格, e.g. 一级注册建造师 */
  @Column({ type: 'varchar', length: 50 })
  qualification: string;

  /** 聘用单位 */
  @Column({ name: 'employer_uscc', type: 'varchar', length: 18 })
  employerUscc: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
