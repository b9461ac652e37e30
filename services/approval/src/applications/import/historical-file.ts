import { ColumnSpec, jsonFileFieldErrors, MAX_ROWS, ParsedRow, RowError, rowsFromCsv, validateRows } from '@cityworks/platform';
import { HistoricalApplicationRowDto, ImportApplicationsDto } from './historical-application-row.dto';
import { HistoricalApplication, historicalApplicationOf } from './historical-application';

/**
 * A file of historical applications (迁移), CSV or JSON, read into rows and checked against the
 * row's schema (the same rules the OpenAPI document states). What the rows mean — the catalog,
 * the timeline — is historical-application.ts.
 */

/** The columns of a CSV file: API field names or these Chinese titles. */
export const HISTORICAL_COLUMNS: ColumnSpec[] = [
  { field: 'sourceRef', label: '原办件编号', type: 'string', required: true },
  { field: 'projectCode', label: '项目代码', type: 'string', required: true },
  { field: 'itemCode', label: '事项编码', type: 'string', required: true },
  { field: 'departmentCode', label: '实施部门', type: 'string', required: true },
  { field: 'regionCode', label: '行政区划', type: 'string', required: true },
  { field: 'ownerUscc', label: '统一社会信用代码', type: 'string', required: true },
  { field: 'onCommitment', label: '告知承诺', type: 'bool' },
  { field: 'acceptedAt', label: '受理时间', type: 'string', required: true },
  { field: 'clockStops', label: '暂停计时', type: 'string' },
  { field: 'decidedAt', label: '办结时间', type: 'string', required: true },
  { field: 'decision', label: '审批结果', type: 'string', required: true },
  { field: 'decisionReason', label: '理由', type: 'string' },
];

export interface HistoricalFile {
  /** every row the file holds, good or bad: who may import a file is decided on all of them */
  rows: ParsedRow[];
  /** the rows of the right shape */
  applications: HistoricalApplication[];
  errors: RowError[];
}

const STOP = /^([^@]+)@([^/]+)\/(.+)$/;

/**
 * A CSV cell of clock-stops: `reason@from/to`, several separated by ";" (or "；", or a line
 * break), e.g. `补正材料@2026-02-10T09:00:00+08:00/2026-02-24T10:00:00+08:00`. The parts are
 * checked afterwards like the JSON form's objects.
 */
export function clockStopsFromCell(cell: string): { stops: { reason: string; from: string; to: string }[] } | { error: string } {
  const parts = cell
    .split(/[;；\n]/)
    .map((part) => part.trim())
    .filter(Boolean);
  const stops: { reason: string; from: string; to: string }[] = [];
  for (const [i, part] of parts.entries()) {
    const match = STOP.exec(part);
    if (!match) return { error: `clock-stop ${i + 1} ("${part}") must read reason@from/to, e.g. 补正材料@2026-02-10T09:00:00+08:00/2026-02-24T10:00:00+08:00` };
    stops.push({ reason: match[1].trim(), from: match[2].trim(), to: match[3].trim() });
  }
  return { stops };
}

async function shaped(rows: ParsedRow[], errors: RowError[], skip: ReadonlySet<number> = new Set()): Promise<HistoricalFile> {
  const checked = await validateRows(
    rows.filter((r) => !skip.has(r.row)),
    HistoricalApplicationRowDto,
  );
  const titles = new Map(rows.map((r) => [r.row, r.titles]));
  return {
    rows,
    applications: checked.valid.map(({ row, dto }) => historicalApplicationOf(row, titles.get(row) ?? {}, dto)),
    errors: [...errors, ...checked.errors],
  };
}

export async function historicalFileFromCsv(text: string): Promise<HistoricalFile> {
  const parsed = rowsFromCsv(text, HISTORICAL_COLUMNS);
  const errors = [...parsed.errors];
  if (parsed.rows.length === 0 && errors.length === 0) errors.push({ row: 0, column: '', field: '', rules: { notEmpty: 'the file lists no applications' } });
  // a row already refused for its shape (more cells than the header) is not read further
  const badCells = new Set(parsed.errors.map((e) => e.row));
  for (const row of parsed.rows) {
    const cell = row.values.clockStops;
    if (typeof cell !== 'string') continue;
    const read = clockStopsFromCell(cell);
    if ('stops' in read) {
      row.values.clockStops = read.stops;
      continue;
    }
    badCells.add(row.row);
    errors.push({ row: row.row, column: row.titles.clockStops ?? 'clockStops', field: 'clockStops', rules: { clockStopFormat: read.error } });
  }
  return shaped(parsed.rows, errors, badCells);
}

export async function historicalFileFromJson(body: unknown): Promise<HistoricalFile> {
  const fileError = (field: string, rules: Record<string, string>): RowError => ({ row: 0, column: field, field, rules });
  if (!body || typeof body !== 'object' || Array.isArray(body))
    return { rows: [], applications: [], errors: [fileError('', { isObject: 'the JSON must be an object: { "applications": [ ... ] }' })] };
  const items = (body as { applications?: unknown }).applications;
  // the file's shape only: each row is read below, so class-transformer never walks into a row's values
  const shape = { ...body, applications: Array.isArray(items) ? items.map(() => ({})) : items };
  const found = await jsonFileFieldErrors(ImportApplicationsDto, shape);
  if (!found)
    return { rows: [], applications: [], errors: [fileError('', { isObject: 'the JSON must be an object: { "applications": [ ... ] } of plain objects' })] };
  const errors = found.map((e) => fileError(e.field, e.rules));
  // the rows of a list that is not one, or too long to be imported at all, are not read
  if (!Array.isArray(items) || items.length > MAX_ROWS) return { rows: [], applications: [], errors };
  const rows: ParsedRow[] = [];
  items.forEach((item, i) => {
    if (item && typeof item === 'object' && !Array.isArray(item)) rows.push({ row: i + 1, values: item as Record<string, unknown>, titles: {} });
    else errors.push({ row: i + 1, column: '', field: '', rules: { isObject: 'each application must be an object' } });
  });
  return shaped(rows, errors);
}
