import { Injectable, NotFoundException, UnsupportedMediaTypeException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CreditGrade, Topics } from '@cityworks/contracts';
import { UnitOfWork } from '@cityworks/messaging';
import {
  ColumnSpec,
  CSV_MEDIA_TYPES,
  importRefused,
  jsonFileFieldErrors,
  MAX_ROWS,
  mediaTypeOf,
  ParsedRow,
  RowError,
  rowsFromCsv,
  validateRows,
} from '@cityworks/platform';
import { applyGrade, applyImport, fromProjectOwner, ImportedSubject, newSubject } from './domain/subject';
import { ImportSubjectsDto, ListSubjectsQuery, SubjectRowDto } from './dto/subject-row.dto';
import { SubjectsRepository } from './persistence/subjects.repository';
import { SubjectPageView, SubjectsImportView, SubjectView } from './views/subject.view';

const RESOURCE = 'supervised-subject';

/** The columns of an import CSV: API field names or these Chinese titles. */
export const SUBJECT_COLUMNS: ColumnSpec[] = [
  { field: 'uscc', label: '统一社会信用代码', type: 'string', required: true },
  { field: 'name', label: '名称', type: 'string', required: true },
  { field: 'regionCode', label: '行政区划', type: 'string', required: true },
  { field: 'industry', label: '行业', type: 'string' },
  { field: 'riskLevel', label: '风险等级', type: 'string', required: true },
];

/**
 * 监管对象库: subjects come from approval's project owners, from credit's grades (a local copy,
 * newest version kept) and from imports refused whole on any bad row.
 */
@Injectable()
export class SubjectsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly subjects: SubjectsRepository,
  ) {}

  async list(query: ListSubjectsQuery): Promise<SubjectPageView> {
    const { items, total } = await this.subjects.page(
      {
        regionCodes: query.regionCode ? [query.regionCode] : undefined,
        industries: query.industry ? [query.industry] : undefined,
        riskLevels: query.riskLevel ? [query.riskLevel] : undefined,
        grade: query.grade,
      },
      query.page,
      query.pageSize,
    );
    return { items: items.map(SubjectView.of), total, page: query.page, pageSize: query.pageSize };
  }

  async get(uscc: string): Promise<SubjectView> {
    const s = await this.subjects.find(uscc);
    if (!s) throw new NotFoundException(`subject ${uscc} not found`);
    return SubjectView.of(s);
  }

  /** credit.grade-changed.v1 in the consumer's inbox transaction: the copy moves only forward. */
  async keepGrade(manager: EntityManager, grade: { uscc: string; gradeAfter: CreditGrade; version: number; changedAt: Date }): Promise<boolean> {
    const current = (await this.subjects.lockOrNull(manager, grade.uscc)) ?? { ...newSubject(grade.uscc, 'credit'), sources: [] };
    const next = applyGrade(current, grade);
    if (!next) return false;
    await this.subjects.save(manager, next);
    return true;
  }

  /** approval.project-registered.v1: the 建设单位 becomes a subject (its name comes with an import). */
  async keepProjectOwner(manager: EntityManager, uscc: string, regionCode: string): Promise<void> {
    const next = fromProjectOwner(await this.subjects.lockOrNull(manager, uscc), uscc, regionCode);
    if (next) await this.subjects.save(manager, next);
  }

  /** CSV or { subjects: [...] }; every row checked first, any bad row refuses the whole file (422). */
  async import(userId: string, body: unknown, contentType: string | undefined): Promise<SubjectsImportView> {
    const { rows, errors } = await this.read(body, contentType);
    const seen = new Map<string, number>();
    for (const r of rows) {
      const earlier = seen.get(r.uscc);
      if (earlier !== undefined)
        errors.push({ row: r.row, column: 'uscc', field: 'uscc', rules: { unique: `subject ${r.uscc} is listed in row ${earlier} already` } });
      else seen.set(r.uscc, r.row);
    }
    if (errors.length) throw importRefused(errors, 422);
    return this.uow.run(async (change) => {
      const known = await this.subjects.lock(
        change.manager,
        rows.map((r) => r.uscc),
      );
      let created = 0;
      for (const r of rows) {
        const before = known.get(r.uscc) ?? null;
        if (!before) created++;
        await this.subjects.save(change.manager, applyImport(before, r));
      }
      // one audit entry for the file: who imported how many, and which subjects
      change.record(
        { type: RESOURCE, id: `import-${new Date().toISOString()}` },
        {
          action: 'supervised-subjects.imported',
          before: null,
          after: { by: userId, imported: rows.length, created, usccs: rows.map((r) => r.uscc) },
          events: [],
        },
        Topics.supervision,
      );
      return { imported: rows.length, created, updated: rows.length - created };
    });
  }

  private async read(body: unknown, contentType: string | undefined): Promise<{ rows: (ImportedSubject & { row: number })[]; errors: RowError[] }> {
    const media = mediaTypeOf(contentType);
    let parsed: { rows: ParsedRow[]; errors: RowError[] };
    if (CSV_MEDIA_TYPES.includes(media)) {
      parsed = rowsFromCsv(typeof body === 'string' ? body : '', SUBJECT_COLUMNS);
    } else if (media === 'application/json') {
      parsed = await rowsFromJson(body);
    } else {
      throw new UnsupportedMediaTypeException('send the subjects as text/csv or application/json');
    }
    const errors = [...parsed.errors];
    if (!parsed.rows.length && !errors.length) errors.push({ row: 0, column: '', field: '', rules: { notEmpty: 'the file lists no subjects' } });
    const checked = await validateRows(parsed.rows, SubjectRowDto);
    errors.push(...checked.errors);
    const rows = checked.valid.map(({ row, dto }) => ({
      row,
      uscc: dto.uscc,
      name: dto.name.trim(),
      regionCode: dto.regionCode,
      industry: dto.industry?.trim() || null,
      riskLevel: dto.riskLevel,
    }));
    return { rows, errors };
  }
}

async function rowsFromJson(body: unknown): Promise<{ rows: ParsedRow[]; errors: RowError[] }> {
  const fileError = (field: string, rules: Record<string, string>): RowError => ({ row: 0, column: field, field, rules });
  if (!body || typeof body !== 'object' || Array.isArray(body))
    return { rows: [], errors: [fileError('', { isObject: 'the JSON must be { "subjects": [ ... ] }' })] };
  const items = (body as { subjects?: unknown }).subjects;
  const found = await jsonFileFieldErrors(ImportSubjectsDto, { ...body, subjects: Array.isArray(items) ? items.map(() => ({})) : items });
  if (!found) return { rows: [], errors: [fileError('', { isObject: 'the JSON must be { "subjects": [ ... ] } of plain objects' })] };
  const errors = found.filter((e) => !/^subjects\.\d/.test(e.field)).map((e) => fileError(e.field, e.rules));
  if (!Array.isArray(items)) return { rows: [], errors };
  if (items.length > MAX_ROWS) return { rows: [], errors: [...errors, fileError('subjects', { maxRows: `a file may hold at most ${MAX_ROWS} subjects` })] };
  const rows: ParsedRow[] = [];
  items.forEach((item, i) => {
    if (item && typeof item === 'object' && !Array.isArray(item)) rows.push({ row: i + 1, values: item as Record<string, unknown>, titles: {} });
    else errors.push({ row: i + 1, column: '', field: '', rules: { isObject: 'each subject must be an object' } });
  });
  return { rows, errors };
}
