import { CheckResult } from '@cityworks/contracts';
import { isRealInstant, isValidUscc } from '@cityworks/platform';
import { CheckDetails, PenaltyDetails, SupervisionAction } from '../domain/supervision-action';
import { CheckForm, CheckMethod, FINE_AMOUNT_PATTERN } from '../domain/action-vocabulary';

/**
 * The records of an export in the shape of the national 互联网+监管 exchange (监管行为数据):
 * one flat record per action, each field under a stable key (JSON) and its Chinese label (the
 * CSV header), values written as the exchange reads them (labels in Chinese, instants in China
 * time with their offset, amounts in yuan with two decimals). The service README lists the
 * mapping; the field rules below are what the exchange refuses a record for.
 */
export type ExchangeRecord = Record<string, string>;
export interface ExchangeField {
  key: string;
  label: string;
  required: boolean;
}

const FORM_LABELS: Record<CheckForm, string> = { 'on-site': '现场检查', 'off-site': '非现场检查' };
const METHOD_LABELS: Record<CheckMethod, string> = {
  'random-sampling': '双随机抽查',
  routine: '日常检查',
  'key-supervision': '重点检查',
  targeted: '专项检查',
  'complaint-verification': '投诉举报核查',
  'risk-warning-verification': '风险预警核查',
};
const RESULT_LABELS: Record<CheckResult, string> = {
  'no-problem': '未发现问题',
  'rectification-ordered': '发现问题，责令整改',
  'violation-found': '发现违法违规，移交处罚',
};

/** an instant as the exchange writes it: China time with its offset, to the second */
export function chinaInstant(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+08:00');
}

export const CHECK_FIELDS: ExchangeField[] = [
  { key: 'actionId', label: '行为编号', required: true },
  { key: 'planId', label: '检查计划编号', required: false },
  { key: 'supervisionItemCode', label: '监管事项编码', required: true },
  { key: 'implementingDepartment', label: '实施机关', required: true },
  { key: 'subjectName', label: '检查对象名称', required: true },
  { key: 'subjectUscc', label: '统一社会信用代码', required: true },
  { key: 'regionCode', label: '行政区划代码', required: true },
  { key: 'checkForm', label: '检查形式', required: true },
  { key: 'checkMethod', label: '检查方式', required: true },
  { key: 'checkResult', label: '检查结果', required: true },
  { key: 'findings', label: '检查情况', required: false },
  { key: 'checkTime', label: '检查时间', required: true },
  { key: 'inspectors', label: '执法人员', required: true },
  { key: 'certificateNumbers', label: '执法证号', required: true },
  { key: 'reportTime', label: '上报时间', required: true },
  { key: 'reportedLate', label: '是否逾期上报', required: true },
];

export const PENALTY_FIELDS: ExchangeField[] = [
  { key: 'actionId', label: '行为编号', required: true },
  { key: 'documentNumber', label: '行政处罚决定书文号', required: true },
  { key: 'subjectName', label: '行政相对人名称', required: true },
  { key: 'subjectUscc', label: '统一社会信用代码', required: true },
  { key: 'legalRepresentative', label: '法定代表人', required: false },
  { key: 'supervisionItemCode', label: '监管事项编码', required: true },
  { key: 'implementingDepartment', label: '处罚机关', required: true },
  { key: 'regionCode', label: '行政区划代码', required: true },
  { key: 'violationType', label: '违法行为类型', required: true },
  { key: 'facts', label: '违法事实', required: true },
  { key: 'legalBasis', label: '处罚依据', required: true },
  { key: 'category', label: '处罚类别', required: true },
  { key: 'content', label: '处罚内容', required: true },
  { key: 'fineAmount', label: '罚款金额（元）', required: false },
  { key: 'decisionDate', label: '处罚决定日期', required: true },
  { key: 'validUntil', label: '处罚有效期', required: true },
  { key: 'reportTime', label: '上报时间', required: true },
  { key: 'reportedLate', label: '是否逾期上报', required: true },
];

export function checkRecord(action: SupervisionAction): ExchangeRecord {
  const s = action.snapshot;
  const d = s.details as CheckDetails;
  return {
    actionId: s.id,
    planId: s.planId ?? '',
    supervisionItemCode: s.supervisionItemCode,
    implementingDepartment: s.departmentCode,
    subjectName: s.subjectName,
    subjectUscc: s.subjectUscc,
    regionCode: s.regionCode,
    checkForm: FORM_LABELS[d.form],
    checkMethod: METHOD_LABELS[d.method],
    checkResult: d.result ? RESULT_LABELS[d.result] : '',
    findings: d.findings ?? '',
    checkTime: chinaInstant(s.actedAt),
    inspectors: d.inspectors.map((i) => i.name).join('；'),
    certificateNumbers: d.inspectors.map((i) => i.certificateNumber).join('；'),
    reportTime: s.reportedAt ? chinaInstant(s.reportedAt) : '',
    reportedLate: s.late ? '是' : '否',
  };
}

export function penaltyRecord(action: SupervisionAction): ExchangeRecord {
  const s = action.snapshot;
  const d = s.details as PenaltyDetails;
  return {
    actionId: s.id,
    documentNumber: d.documentNumber,
    subjectName: s.subjectName,
    subjectUscc: s.subjectUscc,
    legalRepresentative: s.legalRepresentative ?? '',
    supervisionItemCode: s.supervisionItemCode,
    implementingDepartment: s.departmentCode,
    regionCode: s.regionCode,
    violationType: d.violationType,
    facts: d.facts,
    legalBasis: d.legalBasis,
    category: d.categories.join('、'),
    content: d.content,
    fineAmount: d.fineAmount ?? '',
    decisionDate: d.decisionDate,
    validUntil: d.validUntil,
    reportTime: s.reportedAt ? chinaInstant(s.reportedAt) : '',
    reportedLate: s.late ? '是' : '否',
  };
}

/**
 * What the exchange refuses a record for: a required field empty, a USCC whose check character
 * is wrong, a report time before the check (or the decision day), an amount not in yuan with
 * two decimals, one inspector without a 执法证号. Empty when the record passes.
 */
export function exchangeViolations(kind: 'check' | 'penalty', record: ExchangeRecord): string[] {
  const fields = kind === 'check' ? CHECK_FIELDS : PENALTY_FIELDS;
  const problems = fields.filter((f) => f.required && !record[f.key]?.trim()).map((f) => `${f.key} (${f.label}) is required`);
  if (record.subjectUscc && !isValidUscc(record.subjectUscc)) problems.push('subjectUscc (统一社会信用代码) has a wrong check character or form');
  if (record.regionCode && !/^\d{6}$/.test(record.regionCode)) problems.push('regionCode (行政区划代码) must be 6 digits');
  if (record.reportTime && !isRealInstant(record.reportTime)) problems.push('reportTime (上报时间) is not an instant');
  if (kind === 'check') {
    if (record.checkTime && !isRealInstant(record.checkTime)) problems.push('checkTime (检查时间) is not an instant');
    else if (record.reportTime && Date.parse(record.reportTime) < Date.parse(record.checkTime))
      problems.push('reportTime (上报时间) is before checkTime (检查时间)');
    const names = record.inspectors ? record.inspectors.split('；') : [];
    const numbers = record.certificateNumbers ? record.certificateNumbers.split('；') : [];
    if (names.length !== numbers.length || numbers.some((n) => !n.trim())) problems.push('every inspector (执法人员) needs a certificate number (执法证号)');
  } else {
    if (record.fineAmount && !FINE_AMOUNT_PATTERN.test(record.fineAmount)) problems.push('fineAmount (罚款金额) must be yuan with at most two decimals');
    if (record.category?.includes('罚款') !== !!record.fineAmount) problems.push('fineAmount (罚款金额) goes with the category 罚款, and only with it');
    if (record.reportTime && record.decisionDate && Date.parse(record.reportTime) < Date.parse(`${record.decisionDate}T00:00:00+08:00`))
      problems.push('reportTime (上报时间) is before decisionDate (处罚决定日期)');
    if (record.validUntil && record.decisionDate && record.validUntil < record.decisionDate) problems.push('validUntil (处罚有效期) is before decisionDate');
  }
  return problems;
}
