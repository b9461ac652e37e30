import { BadRequestException, UnprocessableEntityException } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { FieldError, flattenValidationErrors } from '../http/validation';
import { CsvSyntaxError, parseCsv } from './csv';

/**
 * Files of rows imported over HTTP (a catalog list, historical applications): CSV as spreadsheets
 * write it or the same rows as JSON, every row checked before anything is written, a file with
 * any bad row refused whole with every error listed by row, column and rule.
 */

export type ColumnType = 'string' | 'int' | 'number' | 'bool' | 'list' | 'date';

/** One column of a file: the API field, the Chinese title spreadsheets use, and its type. */
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

/** A CSV file's rows by its header (API field names or the Chinese titles), with every header and row-shape error. */
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

/**
 * The errors of a JSON file's own fields, checked with the file's DTO (pass its list of rows as
 * empty objects: each row is read on its own). Null when class-transformer cannot walk the body
 * (a nested key named "constructor"): the caller refuses it as not plain JSON, never a 500.
 */
export async function jsonFileFieldErrors<T extends object>(dto: new () => T, shape: object): Promise<FieldError[] | null> {
  try {
    const found = await validate(plainToInstance(dto, shape), {
      whitelist: true,
      forbidNonWhitelisted: true,
      validationError: { target: false, value: false },
    });
    return flattenValidationErrors(found);
  } catch {
    return null;
  }
}

/** Validates every row with the same DTO the API uses; every broken rule of every row is reported. */
export async function validateRows<T extends object>(rows: ParsedRow[], dto: new () => T): Promise<{ valid: { row: number; dto: T }[]; errors: RowError[] }> {
  const valid: { row: number; dto: T }[] = [];
  const errors: RowError[] = [];
  for (const parsed of rows) {
    let instance: T;
    let found: ValidationError[];
    try {
      instance = plainToInstance(dto, parsed.values);
      found = await validate(instance, { whitelist: true, forbidNonWhitelisted: true, validationError: { target: false, value: false } });
    } catch {
      // class-transformer cannot walk every JSON value (a key named "constructor" in a nested object)
      errors.push({ row: parsed.row, column: '', field: '', rules: { isObject: 'each row must hold plain values' } });
      continue;
    }
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

/**
 * The whole file refused, nothing written, every error listed in row order. 400 where the rows
 * break rules of their schema (a catalog list); 422 where the file is well-formed but business
 * rules refuse it (historical applications against the catalog and their own timeline).
 */
export function importRefused(errors: RowError[], status: 400 | 422 = 400): BadRequestException | UnprocessableEntityException {
  const sorted = [...errors].sort((a, b) => a.row - b.row);
  const message = `the file was refused: ${sorted.length} error${sorted.length === 1 ? '' : 's'}, nothing was imported`;
  return status === 422
    ? new UnprocessableEntityException({ statusCode: 422, error: 'Unprocessable Entity', message, errors: sorted })
    : new BadRequestException({ statusCode: 400, error: 'Bad Request', message, errors: sorted });
}
