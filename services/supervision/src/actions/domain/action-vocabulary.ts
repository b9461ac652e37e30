/**
 * The words of the national 互联网+监管 exchange (监管行为数据) for the records the supervision
 * service keeps. Values are stored and exported as written here; the service README maps them
 * to the exchange's field names.
 */

/** 监管行为类别 */
export const ActionKinds = [
  /** 行政检查 */
  'check',
  /** 行政处罚 */
  'penalty',
  /** 行政强制 */
  'enforcement',
] as const;
export type ActionKind = (typeof ActionKinds)[number];

/** 检查形式 */
export const CheckForms = [
  /** 现场检查 */
  'on-site',
  /** 非现场检查 (书面核查, 远程视频, 在线监测) */
  'off-site',
] as const;
export type CheckForm = (typeof CheckForms)[number];

/** 检查方式 */
export const CheckMethods = [
  /** 双随机、一公开 抽查 */
  'random-sampling',
  /** 日常检查 */
  'routine',
  /** 重点检查 */
  'key-supervision',
  /** 专项检查 */
  'targeted',
  /** 投诉举报核查 */
  'complaint-verification',
  /** 风险预警核查 */
  'risk-warning-verification',
] as const;
export type CheckMethod = (typeof CheckMethods)[number];

/** 处罚类别, as 《行政处罚法》第九条 lists them */
export const PenaltyCategories = [
  '警告',
  '通报批评',
  '罚款',
  '没收违法所得',
  '没收非法财物',
  '暂扣许可证件',
  '降低资质等级',
  '吊销许可证件',
  '限制开展生产经营活动',
  '责令停产停业',
  '责令关闭',
  '限制从业',
  '其他',
] as const;
export type PenaltyCategory = (typeof PenaltyCategories)[number];

/** 强制类别, as 《行政强制法》第九条 and 第十二条 name them */
export const EnforcementMeasures = ['查封场所设施或者财物', '扣押财物', '冻结存款汇款', '其他行政强制措施', '强制执行'] as const;
export type EnforcementMeasure = (typeof EnforcementMeasures)[number];

/** how heavily credit should weigh a penalty (一般 / 较重 / 严重) */
export const PenaltySeverities = ['minor', 'serious', 'severe'] as const;
export type PenaltySeverity = (typeof PenaltySeverities)[number];

/** 罚款金额 in yuan: digits with at most two decimals, no sign, no exponent */
export const FINE_AMOUNT_PATTERN = /^(0|[1-9]\d{0,11})(\.\d{1,2})?$/;
/** codes of items, plans and departments, as the catalog writes them */
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const CODE_RULE = 'must be 1–64 letters, digits, dots, underscores or hyphens';
/** 6-digit 行政区划代码 */
export const REGION_PATTERN = /^\d{6}$/;
