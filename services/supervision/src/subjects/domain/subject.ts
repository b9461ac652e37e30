import type { CreditGrade } from '@cityworks/contracts';

/** 风险等级 of a subject under supervision; scales its chance of being drawn (docs/random-draw.md). */
export const RiskLevels = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RiskLevels)[number];

/** Where the library learned of a subject: a project registered in approval, credit's grading, or an import. */
export const SubjectSources = ['approval', 'credit', 'import'] as const;
export type SubjectSource = (typeof SubjectSources)[number];

/**
 * One subject of the 监管对象库: an enterprise by its 统一社会信用代码. The credit grade is a local
 * copy of credit's (`credit.grade-changed.v1`, the newest version kept), so a draw never asks
 * credit. A subject learned from an event before any import has no name yet, its region read from
 * the code's registration-authority digits and medium risk until an import says otherwise.
 */
export interface SubjectState {
  uscc: string;
  name: string | null;
  regionCode: string;
  /** 国民经济行业分类 (GB/T 4754) code or name, as imported */
  industry: string | null;
  riskLevel: RiskLevel;
  creditGrade: CreditGrade | null;
  /** credit's version of the grade kept; 0 before any */
  creditGradeVersion: number;
  creditGradeChangedAt: Date | null;
  sources: SubjectSource[];
}

/** Characters 3–8 of a 统一社会信用代码 are the 登记管理机关 行政区划码: the region until an import names one. */
export const regionOfUscc = (uscc: string) => uscc.slice(2, 8);

export function newSubject(uscc: string, source: SubjectSource, regionCode = regionOfUscc(uscc)): SubjectState {
  return {
    uscc,
    name: null,
    regionCode,
    industry: null,
    riskLevel: 'medium',
    creditGrade: null,
    creditGradeVersion: 0,
    creditGradeChangedAt: null,
    sources: [source],
  };
}

const withSource = (sources: SubjectSource[], source: SubjectSource) => (sources.includes(source) ? sources : [...sources, source]);

/** A newer grade replaces the copy; an older or repeated version (events may come late or twice) changes nothing. */
export function applyGrade(s: SubjectState, grade: { gradeAfter: CreditGrade; version: number; changedAt: Date }): SubjectState | null {
  if (grade.version <= s.creditGradeVersion) return null;
  return {
    ...s,
    creditGrade: grade.gradeAfter,
    creditGradeVersion: grade.version,
    creditGradeChangedAt: grade.changedAt,
    sources: withSource(s.sources, 'credit'),
  };
}

export interface ImportedSubject {
  uscc: string;
  name: string;
  regionCode: string;
  industry: string | null;
  riskLevel: RiskLevel;
}

/** An imported row sets what the file says; the credit grade stays credit's. */
export function applyImport(s: SubjectState | null, row: ImportedSubject): SubjectState {
  const base = s ?? newSubject(row.uscc, 'import', row.regionCode);
  return { ...base, name: row.name, regionCode: row.regionCode, industry: row.industry, riskLevel: row.riskLevel, sources: withSource(base.sources, 'import') };
}

/** A project owner (建设单位) registered in approval becomes a subject if it is not one yet. */
export function fromProjectOwner(s: SubjectState | null, uscc: string, regionCode: string): SubjectState | null {
  if (!s) return newSubject(uscc, 'approval', regionCode);
  return s.sources.includes('approval') ? null : { ...s, sources: withSource(s.sources, 'approval') };
}
