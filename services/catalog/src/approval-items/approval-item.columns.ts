import type { ColumnSpec } from '@cityworks/platform';
import { itemListColumns } from '../versioning/item-list.columns';

/** The approval-item list as a spreadsheet: API field names or these Chinese titles. */
export const approvalItemColumns: ColumnSpec[] = itemListColumns([
  { field: 'name', label: '事项名称', type: 'string', required: true },
  { field: 'category', label: '事项类别', type: 'string', required: true },
  { field: 'stage', label: '审批阶段', type: 'string', required: true },
  { field: 'departmentCode', label: '实施部门', type: 'string', required: true },
  { field: 'supervisingDepartmentCode', label: '监管部门', type: 'string', required: true },
  { field: 'legalBasis', label: '设定依据', type: 'string', required: true },
  { field: 'materials', label: '申请材料', type: 'list' },
  { field: 'intermediaryServiceRequired', label: '中介服务', type: 'bool' },
  { field: 'technicalReviewRequired', label: '技术审查', type: 'bool' },
  { field: 'expertReviewRequired', label: '专家评审', type: 'bool' },
  { field: 'siteSurveyRequired', label: '现场勘验', type: 'bool' },
  { field: 'timeLimitWorkingDays', label: '法定时限（工作日）', type: 'int', required: true },
  { field: 'allowedClockStops', label: '允许暂停计时事由', type: 'list' },
  { field: 'commitmentAllowed', label: '告知承诺', type: 'bool' },
  { field: 'commitmentVerificationWorkingDays', label: '承诺核查期限（工作日）', type: 'int' },
  { field: 'supervisionFeedbackWorkingDays', label: '监管反馈期限（工作日）', type: 'int' },
  { field: 'warningLeadWorkingDays', label: '预警提前（工作日）', type: 'int' },
  { field: 'reminderGraceWorkingDays', label: '提醒函期限（工作日）', type: 'int' },
  { field: 'escalationGraceWorkingDays', label: '督办函期限（工作日）', type: 'int' },
]);
