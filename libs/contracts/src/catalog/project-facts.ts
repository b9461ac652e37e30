/**
 * Facts about a project that stage-template conditions test (e.g. 人防 is required above a
 * floor area). A fact the caller does not know leaves the items that depend on it undetermined.
 */
export const ProjectFactSpecs = {
  /** 总投资（万元） */
  investmentWanYuan: { type: 'number', label: '总投资（万元）' },
  /** 总建筑面积（平方米） */
  floorAreaSqm: { type: 'number', label: '总建筑面积（平方米）' },
  /** 用地面积（平方米） */
  landAreaSqm: { type: 'number', label: '用地面积（平方米）' },
  /** 年综合能源消费量（吨标准煤） */
  annualEnergyTce: { type: 'number', label: '年综合能源消费量（吨标准煤）' },
  /** 需新增建设用地 */
  newLand: { type: 'boolean', label: '需新增建设用地' },
  /** 列入政府核准的投资项目目录 */
  inApprovalCatalog: { type: 'boolean', label: '列入核准目录' },
  /** 环境影响评价文件类别 */
  environmentalImpact: { type: 'string', label: '环评类别', values: ['报告书', '报告表', '登记表', '豁免'] },
  /** 特殊建设工程 (消防设计审查 rather than 备案) */
  specialConstruction: { type: 'boolean', label: '特殊建设工程' },
  /** 位于地下文物埋藏区或文物保护范围 */
  inCulturalRelicsArea: { type: 'boolean', label: '涉及文物保护' },
  /** 砍伐、迁移城市树木或占用城市绿地 */
  fellsTrees: { type: 'boolean', label: '涉及城市树木绿地' },
  /** 占用、挖掘城市道路 */
  occupiesRoad: { type: 'boolean', label: '占用挖掘城市道路' },
  /** 跨越、穿越公路或在公路用地内施工 */
  crossesHighway: { type: 'boolean', label: '涉路施工' },
  /** 在河道管理范围内建设 */
  crossesRiver: { type: 'boolean', label: '涉河建设' },
  needsWater: { type: 'boolean', label: '供水报装' },
  needsDrainage: { type: 'boolean', label: '排水报装' },
  needsPower: { type: 'boolean', label: '供电报装' },
  needsGas: { type: 'boolean', label: '燃气报装' },
  needsHeating: { type: 'boolean', label: '供热报装' },
} as const satisfies Record<string, { type: 'number' | 'boolean' | 'string'; label: string; values?: readonly string[] }>;

export type ProjectFactName = keyof typeof ProjectFactSpecs;
export type ProjectFacts = Partial<Record<ProjectFactName, number | boolean | string>>;

export const ConditionOperators = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in'] as const;
export type ConditionOperator = (typeof ConditionOperators)[number];

/** When a template entry applies; evaluated over {@link ProjectFacts} with three-valued logic. */
export type StageCondition =
  | { fact: ProjectFactName; op: ConditionOperator; value: number | boolean | string | (number | string)[] }
  | { all: StageCondition[] }
  | { any: StageCondition[] }
  | { not: StageCondition };
