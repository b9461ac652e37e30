import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { CreditGrade } from '@cityworks/contracts';
import type { RiskLevel, SubjectState } from '../domain/subject';
import { SubjectRecord } from './subject.record';

const toState = (r: SubjectRecord): SubjectState => ({
  uscc: r.uscc,
  name: r.name,
  regionCode: r.regionCode,
  industry: r.industry,
  riskLevel: r.riskLevel,
  creditGrade: r.creditGrade,
  creditGradeVersion: r.creditGradeVersion,
  creditGradeChangedAt: r.creditGradeChangedAt,
  sources: r.sources,
});

export interface SubjectFilter {
  regionCodes?: string[];
  industries?: string[];
  riskLevels?: RiskLevel[];
  grade?: CreditGrade | 'ungraded';
}

/** The draw reads only what it needs: USCC, grade and risk. */
export interface SubjectForDraw {
  uscc: string;
  grade: CreditGrade | null;
  risk: RiskLevel;
}

@Injectable()
export class SubjectsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async lock(manager: EntityManager, usccs: string[]): Promise<Map<string, SubjectState>> {
    if (!usccs.length) return new Map();
    const records = await manager.find(SubjectRecord, { where: { uscc: In(usccs) }, lock: { mode: 'pessimistic_write' }, order: { uscc: 'ASC' } });
    return new Map(records.map((r) => [r.uscc, toState(r)]));
  }

  async save(manager: EntityManager, s: SubjectState): Promise<void> {
    await manager.upsert(SubjectRecord, { ...s }, ['uscc']);
  }

  /**
   * Creates the row if missing, in the caller's transaction, and locks it: two events about one
   * new subject do not both insert.
   */
  async lockOrNull(manager: EntityManager, uscc: string): Promise<SubjectState | null> {
    const r = await manager.findOne(SubjectRecord, { where: { uscc }, lock: { mode: 'pessimistic_write' } });
    return r ? toState(r) : null;
  }

  async find(uscc: string): Promise<SubjectState | null> {
    const r = await this.dataSource.manager.findOne(SubjectRecord, { where: { uscc } });
    return r ? toState(r) : null;
  }

  private filtered(manager: EntityManager, f: SubjectFilter) {
    const q = manager.createQueryBuilder(SubjectRecord, 's');
    if (f.regionCodes?.length) q.andWhere('s.region_code IN (:...regions)', { regions: f.regionCodes });
    if (f.industries?.length) q.andWhere('s.industry IN (:...industries)', { industries: f.industries });
    if (f.riskLevels?.length) q.andWhere('s.risk_level IN (:...risks)', { risks: f.riskLevels });
    if (f.grade === 'ungraded') q.andWhere('s.credit_grade IS NULL');
    else if (f.grade) q.andWhere('s.credit_grade = :grade', { grade: f.grade });
    return q;
  }

  async page(f: SubjectFilter, page: number, pageSize: number): Promise<{ items: SubjectState[]; total: number }> {
    const [records, total] = await this.filtered(this.dataSource.manager, f)
      .orderBy('s.uscc', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: records.map(toState), total };
  }

  /** The population of a draw: every subject the scope names, as raw rows (a million objects, not entities). */
  async forDraw(manager: EntityManager, f: SubjectFilter): Promise<SubjectForDraw[]> {
    const rows: { uscc: string; grade: CreditGrade | null; risk: RiskLevel }[] = await this.filtered(manager, f)
      .select(['s.uscc AS uscc', 's.credit_grade AS grade', 's.risk_level AS risk'])
      .getRawMany();
    return rows;
  }
}
