import type { ColumnSpec } from '@cityworks/platform';
import { itemListColumns } from '../versioning/item-list.columns';

/** The supervision-item list as a spreadsheet. */
export const supervisionItemColumns: ColumnSpec[] = itemListColumns([
  { field: 'name', label: '监管事项名称', type: 'string', required: true },
  { field: 'departmentCode', label: '监管部门', type: 'string', required: true },
  { field: 'subject', label: '监管对象', type: 'string', required: true },
  { field: 'measures', label: '监管措施', type: 'list', required: true },
  { field: 'legalBasis', label: '设定依据', type: 'string', required: true },
  { field: 'randomCheckRatio', label: '抽查比例', type: 'number', required: true },
  { field: 'checksPerYear', label: '抽查频次（次/年）', type: 'int', required: true },
  { field: 'riskLevel', label: '风险等级', type: 'string', required: true },
  { field: 'approvalItemCodes', label: '关联审批事项', type: 'list' },
]);
