import type { ColumnSpec } from '../import-export/list-file';

/** The supervision-item list as a spreadsheet. */
export const supervisionItemColumns: ColumnSpec[] = [
  { field: 'code', label: '事项编码', type: 'string', required: true },
  { field: 'name', label: '监管事项名称', type: 'string', required: true },
  { field: 'departmentCode', label: '监管部门', type: 'string', required: true },
  { field: 'subject', label: '监管对象', type: 'string', required: true },
  { field: 'measures', label: '监管措施', type: 'list', required: true },
  { field: 'legalBasis', label: '设定依据', type: 'string', required: true },
  { field: 'randomCheckRatio', label: '抽查比例', type: 'number', required: true },
  { field: 'checksPerYear', label: '抽查频次（次/年）', type: 'int', required: true },
  { field: 'riskLevel', label: '风险等级', type: 'string', required: true },
  { field: 'approvalItemCodes', label: '关联审批事项', type: 'list' },
  { field: 'followsVersion', label: '执行上级版本', type: 'int' },
  { field: 'changeNote', label: '调整说明', type: 'string' },
  { field: 'version', label: '版本', type: 'int', readOnly: true },
  { field: 'effectiveFrom', label: '生效日期', type: 'date', readOnly: true },
  { field: 'regionCode', label: '清单区划', type: 'string', readOnly: true },
];
