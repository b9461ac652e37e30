import { ApiProperty } from '@nestjs/swagger';
import type { CreditGrade } from '@cityworks/contracts';
import { RiskLevel, RiskLevels, SubjectSource, SubjectSources, SubjectState } from '../domain/subject';

export class SubjectView {
  @ApiProperty({ description: '统一社会信用代码' })
  uscc: string;

  @ApiProperty({ type: String, nullable: true, description: 'null until an import names it (events carry codes only)' })
  name: string | null;

  @ApiProperty()
  regionCode: string;

  @ApiProperty({ type: String, nullable: true })
  industry: string | null;

  @ApiProperty({ enum: RiskLevels })
  riskLevel: RiskLevel;

  @ApiProperty({ type: String, enum: ['A', 'B', 'C', 'D'], nullable: true, description: "credit's grade as last announced; null before any" })
  creditGrade: CreditGrade | null;

  @ApiProperty({ type: 'integer', minimum: 0 })
  creditGradeVersion: number;

  @ApiProperty({ type: [String], enum: SubjectSources })
  sources: SubjectSource[];

  static of(s: SubjectState): SubjectView {
    return Object.assign(new SubjectView(), {
      uscc: s.uscc,
      name: s.name,
      regionCode: s.regionCode,
      industry: s.industry,
      riskLevel: s.riskLevel,
      creditGrade: s.creditGrade,
      creditGradeVersion: s.creditGradeVersion,
      sources: s.sources,
    });
  }
}

export class SubjectPageView {
  @ApiProperty({ type: [SubjectView] }) items: SubjectView[];
  @ApiProperty({ type: 'integer', minimum: 0 }) total: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) page: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) pageSize: number;
}

export class SubjectsImportView {
  @ApiProperty({ type: 'integer', minimum: 1 }) imported: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'subjects new to the library' }) created: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'subjects already known, their name, region, industry and risk replaced' }) updated: number;
}
