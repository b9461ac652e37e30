import type { ColumnSpec } from '@cityworks/platform';

/**
 * An item list as a spreadsheet: the item's code first, then its own fields, then its place in
 * the timeline. The last three columns are written by export and ignored by import, which
 * takes the list and the date once for the whole file.
 */
export function itemListColumns(ownFields: ColumnSpec[]): ColumnSpec[] {
  return [
    { field: 'code', label: '事项编码', type: 'string', required: true },
    ...ownFields,
    { field: 'followsVersion', label: '执行上级版本', type: 'int' },
    { field: 'changeNote', label: '调整说明', type: 'string' },
    { field: 'version', label: '版本', type: 'int', readOnly: true },
    { field: 'effectiveFrom', label: '生效日期', type: 'date', readOnly: true },
    { field: 'regionCode', label: '清单区划', type: 'string', readOnly: true },
  ];
}
