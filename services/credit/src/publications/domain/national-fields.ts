import type { PublicationKind } from '@cityworks/contracts';

/**
 * The national fields of 双公示 (《行政许可和行政处罚等信用信息公示工作的通知》 data standard), by
 * kind, in the order the national platform lists them: the API field, the Chinese column title
 * exports use, and whether publication needs it. Nothing else of a decision is ever published.
 */
export interface NationalField {
  field: string;
  label: string;
  required: boolean;
}

const SUBJECT: NationalField[] = [
  { field: 'subjectName', label: '行政相对人名称', required: true },
  { field: 'uscc', label: '统一社会信用代码', required: true },
  { field: 'legalRepresentative', label: '法定代表人', required: true },
];

export const PERMIT_FIELDS: readonly NationalField[] = [
  ...SUBJECT,
  { field: 'documentNumber', label: '许可文书号', required: true },
  { field: 'category', label: '许可类别', required: true },
  { field: 'content', label: '许可内容', required: true },
  { field: 'decisionDate', label: '许可决定日期', required: true },
  { field: 'validFrom', label: '有效期自', required: true },
  // a permit without an end date (长期) leaves it empty
  { field: 'validTo', label: '有效期至', required: false },
  { field: 'authority', label: '许可机关', required: true },
  { field: 'authorityCode', label: '许可机关统一社会信用代码', required: true },
  { field: 'dataSource', label: '数据来源单位', required: true },
];

export const PENALTY_FIELDS: readonly NationalField[] = [
  ...SUBJECT,
  { field: 'documentNumber', label: '处罚决定书文号', required: true },
  { field: 'violationType', label: '违法行为类型', required: true },
  { field: 'facts', label: '违法事实', required: true },
  { field: 'legalBasis', label: '处罚依据', required: true },
  { field: 'category', label: '处罚类别', required: true },
  { field: 'content', label: '处罚内容', required: true },
  // no fine (警告, 责令停产停业 …): empty
  { field: 'fineAmount', label: '罚款金额（万元）', required: false },
  { field: 'decisionDate', label: '处罚决定日期', required: true },
  { field: 'publicUntil', label: '公示截止期', required: true },
  { field: 'authority', label: '处罚机关', required: true },
  { field: 'authorityCode', label: '处罚机关统一社会信用代码', required: true },
  { field: 'dataSource', label: '数据来源单位', required: true },
];

export const NATIONAL_FIELDS: Record<PublicationKind, readonly NationalField[]> = { permit: PERMIT_FIELDS, penalty: PENALTY_FIELDS };

/** 许可类别 of the national standard */
export const PermitCategories = ['普通', '特许', '认可', '核准', '登记', '其他'] as const;

/** The fields of a publication; every value is text as published (dates YYYY-MM-DD, 罚款金额 in 万元), null while unknown. */
export type NationalRecord = Record<string, string | null>;

/** The national fields still empty that publication needs. */
export function missingFields(kind: PublicationKind, record: NationalRecord): string[] {
  return NATIONAL_FIELDS[kind].filter((f) => f.required && !record[f.field]?.trim()).map((f) => f.field);
}

/** Exactly the national fields of the kind, in order; anything else is dropped. */
export function nationalShape(kind: PublicationKind, record: NationalRecord): NationalRecord {
  return Object.fromEntries(NATIONAL_FIELDS[kind].map((f) => [f.field, record[f.field] ?? null]));
}

/**
 * 罚款金额 in 万元 as the national platform takes it, from yuan with two decimals ("12000.00" →
 * "1.2"); exact, no floating point. Null for no fine; throws for text that is not an amount.
 */
export function yuanToWanYuan(yuan: string | null): string | null {
  if (yuan === null) return null;
  const m = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(yuan.trim());
  if (!m) throw new Error(`fine amount "${yuan}" is not yuan with at most two decimals`);
  const fen = BigInt(m[1]) * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
  const whole = fen / 1_000_000n;
  const fraction = (fen % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}
