import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A letter as the list shows it; the document is GET /api/letters/{id}/pdf. */
export class LetterRowView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: '发文字号' }) number: string;
  @ApiProperty({ enum: ['提醒函', '督办函'] }) kind: string;
  @ApiProperty() status: string;
  @ApiProperty({ description: '主送机关 code' }) addresseeCode: string;
  @ApiProperty({ description: '主送机关' }) addressee: string;
  @ApiProperty({ description: 'what is late' }) title: string;
  @ApiPropertyOptional({ type: String, nullable: true }) projectCode: string | null;
  @ApiProperty({ format: 'date-time' }) missedDueAt: string;
  @ApiProperty({ format: 'date-time' }) replyDueAt: string;
  @ApiProperty({ format: 'date-time' }) issuedAt: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) repliedAt: string | null;
  @ApiProperty() late: boolean;
}

export class LetterRowPageView {
  @ApiProperty({ type: [LetterRowView] }) items: LetterRowView[];
  @ApiProperty({ type: 'integer', minimum: 0 }) total: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) page: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) pageSize: number;
}
