import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PublicationKinds } from '@cityworks/contracts';
import type { PublicationKind } from '@cityworks/contracts';
import { PageQuery } from '@cityworks/platform';

export class PublicRegisterQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PublicationKinds, description: 'permit = 行政许可, penalty = 行政处罚' })
  @IsOptional()
  @IsIn(PublicationKinds, { message: `kind must be one of ${PublicationKinds.join(', ')}` })
  kind?: PublicationKind;

  @ApiPropertyOptional({ description: '行政相对人名称 (part of it) or 统一社会信用代码 (its start)', maxLength: 100 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  q?: string;
}

/** One published decision: the national fields of its kind and nothing else. */
export class PublicRegisterEntry {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: PublicationKinds }) kind: PublicationKind;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', nullable: true },
    description:
      'permit: subjectName, uscc, legalRepresentative, documentNumber, category, content, decisionDate, validFrom, validTo, authority, authorityCode, dataSource; penalty: subjectName, uscc, legalRepresentative, documentNumber, violationType, facts, legalBasis, category, content, fineAmount (万元), decisionDate, publicUntil, authority, authorityCode, dataSource',
  })
  fields: Record<string, string | null>;
}

export class PublicRegisterPage {
  @ApiProperty({ type: [PublicRegisterEntry] }) items: PublicRegisterEntry[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ format: 'date', description: 'the China day the register was read for' }) asOf: string;
}
