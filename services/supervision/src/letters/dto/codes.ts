/** 部门代码, 办公室代码: letters, digits, dots, underscores, hyphens (as the catalog keeps them). */
export const DEPARTMENT_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const DEPARTMENT_CODE_RULE = 'must be 1–64 letters, digits, dots, underscores or hyphens';
/** 行政区划代码 */
export const REGION_CODE = /^\d{6}$/;
