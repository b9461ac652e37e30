import { ColumnSpec, ColumnType, formatCsv, MAX_ROWS, ParsedRow, RowError } from '@cityworks/platform';

/**
 * The catalog's own side of a list file: JSON rows as its export writes them, and the export
 * itself. Reading CSV, checking rows and refusing a file are shared (libs/platform tabular-file).
 */

/** An array of rows, or an exported file ({ items: [...] }); exported read-only fields are ignored. */
export function rowsFromJson(body: unknown, columns: ColumnSpec[]): { rows: ParsedRow[]; errors: RowError[] } {
  const items = Array.isArray(body) ? body : (body as { items?: unknown })?.items;
  if (!Array.isArray(items))
    return { rows: [], errors: [{ row: 0, column: '', field: '', rules: { format: 'the JSON must be an array of rows or an object with an "items" array' } }] };
  if (items.length > MAX_ROWS) return { rows: [], errors: [{ row: 0, column: '', field: '', rules: { maxRows: `a file may hold at most ${MAX_ROWS} rows` } }] };
  const readOnly = new Set(columns.filter((c) => c.readOnly).map((c) => c.field));
  const rows: ParsedRow[] = [];
  const errors: RowError[] = [];
  items.forEach((item, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      errors.push({ row: i + 1, column: '', field: '', rules: { isObject: 'each row must be an object' } });
      return;
    }
    const values = Object.fromEntries(Object.entries(item).filter(([k]) => !readOnly.has(k) && !EXPORT_ONLY.has(k)));
    rows.push({ row: i + 1, values, titles: {} });
  });
  return { rows, errors };
}

/** Fields an exported JSON row carries for reading that are not columns. */
const EXPORT_ONLY = new Set(['publishedAt', 'retired', 'supervisionMode', 'status', 'effectiveTo', 'changedFields']);

function cellText(value: unknown, type: ColumnType, headers: 'en' | 'zh'): string {
  if (value === null || value === undefined) return '';
  if (type === 'list' && Array.isArray(value)) return value.join('; ');
  if (type === 'bool') return headers === 'zh' ? (value ? '是' : '否') : String(value);
  return String(value);
}

export function toCsv(items: Record<string, unknown>[], columns: ColumnSpec[], headers: 'en' | 'zh'): string {
  return formatCsv([
    columns.map((c) => (headers === 'zh' ? c.label : c.field)),
    ...items.map((item) => columns.map((c) => cellText(item[c.field], c.type, headers))),
  ]);
}
