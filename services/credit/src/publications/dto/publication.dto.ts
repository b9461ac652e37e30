import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { PublicationKinds } from '@cityworks/contracts';
import type { PublicationKind } from '@cityworks/contracts';
import { IsUscc, PageQuery } from '@cityworks/platform';
import { IsIsoDate, IsOnOrAfter } from '../../credit-records/dto/credit-record.rules';
import { NationalRecord, PermitCategories } from '../domain/national-fields';
import type { PublicationStatus } from '../domain/publication';
import { Publication } from '../publication.entity';

const STATUSES = ['pending', 'published', 'withdrawn'] as const;

/** A text field that may be set or cleared (null) */
const Text = (max: number, description: string, example?: string) => (target: object, key: string) => {
  ApiPropertyOptional({ description, example, maxLength: max, nullable: true, type: String })(target, key);
  IsOptional()(target, key);
  ValidateIf((_, v) => v !== null)(target, key);
  IsString()(target, key);
  IsNotEmpty()(target, key);
  MaxLength(max)(target, key);
};

/**
 * 补全公示信息: the national fields the department completes or corrects before publishing. Only
 * the fields of the publication's kind may be sent (422 for another's); null clears a field.
 */
export class CompletePublicationDto {
  @Text(200, '行政相对人名称') subjectName?: string | null;
  @Text(100, '法定代表人') legalRepresentative?: string | null;
  @Text(128, '许可文书号 / 处罚决定书文号', '鞍住建许〔2026〕88号') documentNumber?: string | null;

  @ApiPropertyOptional({ description: `许可类别 (${PermitCategories.join('/')}) or 处罚类别 (警告, 罚款 …)`, maxLength: 64, nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  category?: string | null;

  @Text(2000, '许可内容 / 处罚内容') content?: string | null;
  @Text(200, '违法行为类型 (penalty)') violationType?: string | null;
  @Text(4000, '违法事实 (penalty; 去标识化: no natural person’s details)') facts?: string | null;
  @Text(2000, '处罚依据 (penalty)') legalBasis?: string | null;

  @ApiPropertyOptional({ description: '罚款金额（万元）, up to six decimals (penalty)', example: '1.2', nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(/^\d{1,9}(\.\d{1,6})?$/, { message: 'fineAmount must be an amount in 万元 with at most six decimals' })
  fineAmount?: string | null;

  @ApiPropertyOptional({ description: '有效期自 (permit), YYYY-MM-DD', format: 'date', nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsIsoDate()
  validFrom?: string | null;

  @ApiPropertyOptional({ description: '有效期至 (permit), YYYY-MM-DD, not before 有效期自; empty for 长期', format: 'date', nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsIsoDate()
  validTo?: string | null;

  @Text(200, '许可机关 / 处罚机关', '鞍山市住房和城乡建设局') authority?: string | null;

  @ApiPropertyOptional({ description: '许可机关 / 处罚机关 统一社会信用代码', nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUscc()
  authorityCode?: string | null;

  @Text(200, '数据来源单位') dataSource?: string | null;
}

export class PublicationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: PublicationKinds, description: 'permit = 行政许可, penalty = 行政处罚' }) kind: PublicationKind;
  @ApiProperty({ enum: STATUSES }) status: PublicationStatus;
  @ApiProperty({ description: 'the deciding department, which publishes' }) departmentCode: string;
  @ApiProperty({ description: '统一社会信用代码' }) uscc: string;
  @ApiProperty({ description: 'application id (permit) or penalty action id' }) sourceRef: string;
  @ApiProperty({ format: 'date' }) decisionDate: string;
  @ApiProperty({ description: 'publish by' }) dueAt: Date;
  @ApiProperty({ enum: ['working', 'calendar'] }) dueCounting: 'working' | 'calendar';
  @ApiProperty() dueDays: number;
  @ApiProperty({ format: 'date', description: '公示截止期' }) publicUntil: string;
  @ApiProperty({ nullable: true, type: Date }) publishedAt: Date | null;
  @ApiProperty({ nullable: true, type: Date, description: 'when the decision was revoked (撤销)' }) withdrawnAt: Date | null;
  @ApiProperty({ description: 'past its deadline and not published' }) overdue: boolean;
  @ApiProperty({ type: [String], description: 'national fields still empty that publication needs' }) missing: string[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string', nullable: true }, description: 'the national fields of the kind' })
  fields: NationalRecord;

  static of(p: Publication, missing: string[], now = new Date()): PublicationView {
    const { id, kind, status, departmentCode, uscc, sourceRef, decisionDate, dueAt, dueCounting, dueDays, publicUntil, publishedAt, withdrawnAt, fields } = p;
    return Object.assign(new PublicationView(), {
      id,
      kind,
      status,
      departmentCode,
      uscc,
      sourceRef,
      decisionDate,
      dueAt,
      dueCounting,
      dueDays,
      publicUntil,
      publishedAt,
      withdrawnAt,
      fields,
      missing,
      overdue: status === 'pending' && now > dueAt,
    });
  }
}

export class PublicationPage {
  @ApiProperty({ type: [PublicationView] }) items: PublicationView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class ListPublicationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PublicationKinds })
  @IsOptional()
  @IsIn(PublicationKinds, { message: `kind must be one of ${PublicationKinds.join(', ')}` })
  kind?: PublicationKind;

  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES, { message: `status must be one of ${STATUSES.join(', ')}` })
  status?: PublicationStatus;

  @ApiPropertyOptional({ description: '统一社会信用代码' })
  @IsOptional()
  @IsUscc()
  uscc?: string;
}

export class ExportPublicationsQuery {
  @ApiProperty({ enum: PublicationKinds, description: '行政许可 or 行政处罚: the two have different national fields' })
  @IsIn(PublicationKinds, { message: `kind must be one of ${PublicationKinds.join(', ')}` })
  kind: PublicationKind;

  @ApiProperty({ format: 'date', description: 'first decision day (China), included', example: '2026-11-01' })
  @IsIsoDate()
  from: string;

  @ApiProperty({ format: 'date', description: 'last decision day (China), included', example: '2026-11-30' })
  @IsIsoDate()
  @IsOnOrAfter('from')
  to: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'], { message: 'format must be json or csv' })
  format?: 'json' | 'csv';
}

export class PublicationExportView {
  @ApiProperty({ enum: PublicationKinds }) kind: PublicationKind;
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: { type: 'string', nullable: true } },
    description: 'one object per published decision, keyed by the national column titles (行政相对人名称 …)',
  })
  rows: Record<string, string | null>[];
}
