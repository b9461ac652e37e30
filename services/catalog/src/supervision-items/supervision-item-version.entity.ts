import { Column, Entity } from 'typeorm';
import type { RiskLevel, SupervisionMeasure } from '@cityworks/contracts';
import { ListedVersion, textArray } from '../versioning/listed-version.entity';

const numeric = { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** 监管事项, one version in one region's list (监管事项清单). */
@Entity({ name: 'supervision_item_versions' })
export class SupervisionItemVersion extends ListedVersion {
  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** 监管部门 */
  @Column({ name: 'department_code', type: 'varchar', length: 64 })
  departmentCode: string;

  /** 监管对象 */
  @Column({ type: 'text' })
  subject: string;

  /** 监管措施 */
  @Column({ ...textArray })
  measures: SupervisionMeasure[];

  /** 设定依据 */
  @Column({ name: 'legal_basis', type: 'text' })
  legalBasis: string;

  /** 双随机 抽查比例, 0–1 */
  @Column({ name: 'random_check_ratio', type: 'numeric', precision: 5, scale: 4, transformer: numeric })
  randomCheckRatio: number;

  /** 抽查频次, checks per year */
  @Column({ name: 'checks_per_year', type: 'int' })
  checksPerYear: number;

  @Column({ name: 'risk_level', type: 'varchar', length: 2 })
  riskLevel: RiskLevel;

  /** approval items whose results this item supervises (审管联动) */
  @Column({ name: 'approval_item_codes', ...textArray })
  approvalItemCodes: string[];
}

/** The fields a version of a supervision item carries besides its place in the timeline. */
export const supervisionItemContentFields = [
  'name',
  'departmentCode',
  'subject',
  'measures',
  'legalBasis',
  'randomCheckRatio',
  'checksPerYear',
  'riskLevel',
  'approvalItemCodes',
] as const;

export type SupervisionItemContent = Pick<SupervisionItemVersion, (typeof supervisionItemContentFields)[number]>;
