import { BadRequestException } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { flattenValidationErrors } from '@cityworks/platform';
import { CsvSyntaxError, formatCsv, parseCsv } from './csv';

export type ColumnType = 'string' | 'int' | 'number' | 'bool' | 'list' | 'date';

/** One column of a list file: the API field, the Chinese title spreadsheets use, and its type. */
export interface ColumnSpec {
  field: string;
  label: string;
  type: ColumnType;
  /** a file without this column is refused at its header */
  required?: boolean;
  /** exported for reading, ignored on import (the timeline decides it) */
  readOnly?: boolean;
}

export interface ParsedRow {
  /** spreadsheet row number for CSV (the header is row 1); position (from 1) in a JSON array */
  row: number;
  values: Record<string, unknown>;
  /** the column titles as the file wrote them, by field */
  titles: Record<string, string>;
}

/** Row 0 is the file as a whole; column '' a row as a whole. */
export interface RowError {
  row: number;
  column: string;
  field: string;
  rules: Record<string, string>;
}

export const MAX_ROWS = 5000;

const TRUE = new Set(['true', '是', 'y', 'yes', '1', '√']);
const FALSE = new Set(['false', '否', 'n', 'no', '0', '×']);

/** Spreadsheet text to the value the DTO expects; what cannot convert stays text for the validator to name. */
function cellValue(text: string, type: ColumnType): unknown {
  const cell = text.trim();
  if (cell === '') return undefined;
  switch (type) {
    case 'int':
      return /^[+-]?\d+$/.test(cell) ? Number(cell) : cell;
    case 'number': {
      const percent = /^([+-]?(?:\d+\.?\d*|\.\d+))%$/.exec(cell);
      if (percent) return Number(percent[1]) / 100;
      return /^[+-]?(?:\d+\.?\d*|\.\d+)$/.test(cell) ? Number(cell) : cell;
    }
    case 'bool':
      return TRUE.has(cell.toLowerCase()) ? true : FALSE.has(cell.toLowerCase()) ? false : cell;
    case 'list':
      return cell
        .split(/[;；\n]/)
        .map((v) => v.trim())
        .filter(Boolean);
    default:
      return cell;
  }
}

export function rowsFromCsv(text: string, columns: ColumnSpec[]): { rows: ParsedRow[]; errors: RowError[] } {
  if (text.includes('\u0000'))
    return { rows: [], errors: [{ row: 0, column: '', field: '', rules: { noNulCharacter: 'the file must not contain NUL characters' } }] };
  let records;
  try {
    records = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) return { rows: [], errors: [{ row: e.line, column: '', field: '', rules: { csv: e.message } }] };
    throw e;
  }
  if (records.length === 0) return { rows: [], errors: [{ row: 0, column: '', field: '', rules: { notEmpty: 'the file has no header row' } }] };
  const [header, ...body] = records;
  const errors: RowError[] = [];
  const byTitle = new Map<string, ColumnSpec>();
  for (const c of columns) {
    byTitle.set(c.field.toLowerCase(), c);
    byTitle.set(c.label, c);
  }
  const positions: (ColumnSpec | undefined)[] = [];
  const titles: Record<string, string> = {};
  header.cells.forEach((raw, i) => {
    const title = raw.trim();
    const spec = byTitle.get(title) ?? byTitle.get(title.toLowerCase());
    if (!spec) {
      if (title)
        errors.push({
          row: header.line,
          column: title,
          field: '',
          rules: { knownColumn: `column "${title}" is not a column of this list (${columns.map((c) => c.field).join(', ')})` },
        });
    } else if (titles[spec.field]) {
      errors.push({ row: header.line, column: title, field: spec.field, rules: { uniqueColumn: `column "${title}" repeats column "${titles[spec.field]}"` } });
    } else {
      titles[spec.field] = title;
      positions[i] = spec;
    }
  });
  for (const c of columns) {
    if (c.required && !titles[c.field])
      errors.push({ row: header.line, column: c.field, field: c.field, rules: { requiredColumn: `column ${c.field} (${c.label}) is missing` } });
  }
  if (body.length > MAX_ROWS) errors.push({ row: 0, column: '', field: '', rules: { maxRows: `a file may hold at most ${MAX_ROWS} rows` } });
  if (errors.length) return { rows: [], errors };
  const rows = body.map((record) => {
    const values: Record<string, unknown> = {};
    record.cells.forEach((cell, i) => {
      const spec = positions[i];
      if (!spec || spec.readOnly) return;
      const value = cellValue(cell, spec.type);
      if (value !== undefined) values[spec.field] = value;
    });
    return { row: record.line, values, titles };
  });
  for (const record of body) {
    if (record.cells.length > header.cells.length) {
      errors.push({
        row: record.line,
        column: '',
        field: '',
        rules: { columnCount: `the row has ${record.cells.length} cells, the header ${header.cells.length}` },
      });
    }
  }
  return { rows, errors };
}

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

/** Validates every row with the same DTO the API uses; every broken rule of every row is reported. */
export async function validateRows<T extends object>(rows: ParsedRow[], dto: new () => T): Promise<{ valid: { row: number; dto: T }[]; errors: RowError[] }> {
  const valid: { row: number; dto: T }[] = [];
  const errors: RowError[] = [];
  for (const parsed of rows) {
    const instance = plainToInstance(dto, parsed.values);
    const found = await validate(instance, { whitelist: true, forbidNonWhitelisted: true, validationError: { target: false, value: false } });
    if (found.length === 0) {
      valid.push({ row: parsed.row, dto: instance });
      continue;
    }
    for (const e of flattenValidationErrors(found)) {
      const field = e.field.split('.')[0];
      errors.push({ row: parsed.row, column: parsed.titles[field] ?? field, field: e.field, rules: e.rules });
    }
  }
  return { valid, errors };
}

export function importRefused(errors: RowError[]): BadRequestException {
  const sorted = [...errors].sort((a, b) => a.row - b.row);
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: `the file was refused: ${sorted.length} error${sorted.length === 1 ? '' : 's'}, nothing was imported`,
    errors: sorted,
  });
}

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
