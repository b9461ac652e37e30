import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { VersionStatus } from '@cityworks/contracts';

/** Response shape of a version's place in its timeline. */
export class VersionMetaView {
  @ApiProperty({ example: 'JS-SGXK-001' })
  code: string;

  @ApiProperty({ example: '210300' })
  regionCode: string;

  @ApiProperty({ example: 2 })
  version: number;

  @ApiProperty({ example: '2026-07-01' })
  effectiveFrom: string;

  @ApiProperty({ nullable: true, type: Number })
  followsVersion: number | null;

  @ApiProperty({ description: '事项取消 from effectiveFrom on' })
  retired: boolean;

  @ApiProperty({ nullable: true, type: String })
  changeNote: string | null;

  @ApiProperty({ example: '2026-06-01T02:00:00.000Z' })
  publishedAt: string;
}

export class HistoryMetaView {
  @ApiProperty({ enum: ['pending', 'effective', 'superseded'] })
  status: VersionStatus;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'the day the next version takes effect' })
  effectiveTo: string | null;

  @ApiProperty({ type: [String], description: 'fields that differ from the previous version' })
  changedFields: string[];
}

export class ImportResultView {
  @ApiProperty({ example: '210300' })
  regionCode: string;

  @ApiProperty({ example: '2026-07-01' })
  effectiveFrom: string;

  @ApiProperty({ description: 'rows that became a new item or a new version' })
  published: number;

  @ApiProperty({ description: 'rows equal to the latest version, skipped' })
  unchanged: number;

  @ApiProperty({
    type: 'array',
    items: {
      type: 'object',
      properties: {
        row: { type: 'number' },
        code: { type: 'string' },
        version: { type: 'number' },
        outcome: { type: 'string', enum: ['created', 'new-version', 'unchanged', 'kept'] },
      },
    },
  })
  rows: { row: number; code: string; version: number; outcome: 'created' | 'new-version' | 'unchanged' | 'kept' }[];
}
