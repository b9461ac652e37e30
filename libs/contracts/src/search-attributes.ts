import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Typed search attributes operators use to find workflows in the Temporal UI.
 * The same names are registered with the dev server by deploy/local (from search-attributes.json),
 * so the JSON file and these keys must agree; a unit test checks that.
 */
export const SearchAttributes = {
  /** 项目代码 */
  projectCode: defineSearchAttributeKey('ProjectCode', SearchAttributeType.KEYWORD),
  /** 审批阶段 */
  stage: defineSearchAttributeKey('Stage', SearchAttributeType.KEYWORD),
  /** 行政区划代码 */
  regionCode: defineSearchAttributeKey('RegionCode', SearchAttributeType.KEYWORD),
  /** 责任部门 */
  departmentCode: defineSearchAttributeKey('DepartmentCode', SearchAttributeType.KEYWORD),
  /** 事项编码 */
  itemCode: defineSearchAttributeKey('ItemCode', SearchAttributeType.KEYWORD),
  /** what kind of obligation the workflow tracks (application, commitment, supervision-feedback …) */
  obligationKind: defineSearchAttributeKey('ObligationKind', SearchAttributeType.KEYWORD),
  /** 是否逾期 */
  overdue: defineSearchAttributeKey('Overdue', SearchAttributeType.BOOL),
  dueAt: defineSearchAttributeKey('DueAt', SearchAttributeType.DATETIME),
  /** 建设单位 统一社会信用代码 */
  ownerUscc: defineSearchAttributeKey('OwnerUscc', SearchAttributeType.KEYWORD),
  /** where an obligation is on the escalation ladder: none, 预警, 提醒函, 督办函, 通报 */
  escalationRung: defineSearchAttributeKey('EscalationRung', SearchAttributeType.KEYWORD),
  /** 项目类型 (the catalog's stage-template project types) */
  projectType: defineSearchAttributeKey('ProjectType', SearchAttributeType.KEYWORD),
} as const;
