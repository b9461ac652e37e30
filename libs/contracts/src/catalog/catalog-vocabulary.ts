/**
 * The catalog's fixed vocabularies. Values are the Chinese terms of the policy documents, so
 * the data reads as the published lists do; field names around them stay English.
 */

/** 行政区划 levels a list can belong to; a higher level's change flags the lists below it. */
export const RegionLevels = ['省', '市', '区县', '开发区'] as const;
export type RegionLevel = (typeof RegionLevels)[number];

/** What a department does in the approval and supervision chain. */
export const DepartmentKinds = ['行政审批局', '行业监管部门', '工改办', '信用', '投诉受理', '公用事业单位'] as const;
export type DepartmentKind = (typeof DepartmentKinds)[number];

/** 事项类别 (赤工改办综合字〔2023〕7号 三(一)) */
export const ApprovalItemCategories = ['行政许可', '行政确认', '行政备案', '第三方机构审查', '市政公用报装接入'] as const;
export type ApprovalItemCategory = (typeof ApprovalItemCategories)[number];

/** The four stages, plus 市政公用报装 which runs alongside them. */
export const ApprovalStages = ['立项用地规划许可', '工程建设许可', '施工许可', '竣工验收', '市政公用报装'] as const;
export type ApprovalStage = (typeof ApprovalStages)[number];

/** The only reasons an application's clock may stop; each item allows a subset. */
export const ClockStopReasons = ['补正材料', '技术审查', '专家评审', '现场勘验', '听证'] as const;
export type ClockStopReason = (typeof ClockStopReasons)[number];

/** 监管措施 */
export const SupervisionMeasures = ['行政检查', '行政处罚', '行政强制'] as const;
export type SupervisionMeasure = (typeof SupervisionMeasures)[number];

export const RiskLevels = ['高', '中', '低'] as const;
export type RiskLevel = (typeof RiskLevels)[number];

/** 审管一体: the approving department supervises; 审管分离: another department does. */
export type SupervisionMode = '审管一体' | '审管分离';

/** Project types with a stage template. */
export const ProjectTypes = ['政府投资房屋建筑', '社会投资房屋建筑', '社会投资简易低风险', '城市基础设施线性工程'] as const;
export type ProjectType = (typeof ProjectTypes)[number];
