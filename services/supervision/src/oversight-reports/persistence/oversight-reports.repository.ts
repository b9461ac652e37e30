import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { OversightReportKind } from '@cityworks/contracts';
import { OversightReport, OversightReportState } from '../domain/oversight-report';

/** The stored form of the report's content (dates as ISO strings). */
type StoredContent = Omit<OversightReportState, 'id' | 'kind' | 'period' | 'from' | 'to' | 'generatedAt' | 'workflowId'>;

interface ReportRow {
  id: string;
  kind: OversightReportKind;
  period: string;
  period_from: Date;
  period_to: Date;
  generated_at: Date;
  workflow_id: string;
  content: StoredContent;
}

const COLUMNS = 'id, kind, period, period_from, period_to, generated_at, workflow_id, content';

function toState(row: ReportRow): OversightReportState {
  return {
    ...row.content,
    id: row.id,
    kind: row.kind,
    period: row.period,
    from: new Date(row.period_from),
    to: new Date(row.period_to),
    generatedAt: new Date(row.generated_at),
    workflowId: row.workflow_id,
  };
}

export interface StoredReportDocument {
  content: Buffer;
  sha256: string;
  kind: OversightReportKind;
  period: string;
}

/** Reports, one per kind and period; claimed by inserting (the unique constraint), never by reading first. */
@Injectable()
export class OversightReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts the report with its PDF unless one of its kind and period exists; false when one did. */
  async claim(manager: EntityManager, report: OversightReport, pdf: Buffer, sha256: string): Promise<boolean> {
    const { id, kind, period, from, to, generatedAt, workflowId, ...content } = report.snapshot;
    const rows = (await manager.query(
      `INSERT INTO oversight_reports (id, kind, period, period_from, period_to, generated_at, workflow_id, content, sample_seed, sample_size, pdf, pdf_sha256)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT ON CONSTRAINT oversight_reports_once_per_period DO NOTHING RETURNING id`,
      [id, kind, period, from, to, generatedAt, workflowId, JSON.stringify(content), content.sample?.seed ?? null, content.sample?.size ?? null, pdf, sha256],
    )) as { id: string }[];
    return rows.length === 1;
  }

  async findByPeriod(kind: OversightReportKind, period: string): Promise<OversightReport | null> {
    const rows = (await this.dataSource.query(`SELECT ${COLUMNS} FROM oversight_reports WHERE kind = $1 AND period = $2`, [kind, period])) as ReportRow[];
    return rows[0] ? OversightReport.restore(toState(rows[0])) : null;
  }

  async find(id: string): Promise<OversightReport | null> {
    const rows = (await this.dataSource.query(`SELECT ${COLUMNS} FROM oversight_reports WHERE id = $1`, [id])) as ReportRow[];
    return rows[0] ? OversightReport.restore(toState(rows[0])) : null;
  }

  async document(id: string): Promise<StoredReportDocument | null> {
    const rows = (await this.dataSource.query('SELECT pdf, pdf_sha256, kind, period FROM oversight_reports WHERE id = $1', [id])) as {
      pdf: Buffer;
      pdf_sha256: string;
      kind: OversightReportKind;
      period: string;
    }[];
    return rows[0] ? { content: rows[0].pdf, sha256: rows[0].pdf_sha256, kind: rows[0].kind, period: rows[0].period } : null;
  }

  /** Newest period first. */
  async page(filter: { kind?: OversightReportKind; period?: string }, page: number, pageSize: number): Promise<{ items: OversightReport[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.kind) where.push(`kind = $${params.push(filter.kind)}`);
    if (filter.period) where.push(`period = $${params.push(filter.period)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = (await this.dataSource.query(`SELECT count(*)::int AS total FROM oversight_reports ${clause}`, params)) as { total: number }[];
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM oversight_reports ${clause} ORDER BY period_from DESC, kind ASC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, pageSize, (page - 1) * pageSize],
    )) as ReportRow[];
    return { items: rows.map((row) => OversightReport.restore(toState(row))), total };
  }
}
