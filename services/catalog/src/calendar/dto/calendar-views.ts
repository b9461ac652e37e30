import { ApiProperty } from '@nestjs/swagger';

export class ArrangedDayView {
  @ApiProperty({ example: '2027-02-06', format: 'date' })
  date: string;

  @ApiProperty({ example: '春节' })
  name: string;
}

/** The arrangement of a year in force: its latest confirmed revision. */
export class ArrangementView {
  @ApiProperty({ example: 2027 })
  year: number;

  @ApiProperty({ type: [ArrangedDayView], description: 'days off besides plain weekends' })
  holidays: ArrangedDayView[];

  @ApiProperty({ type: [ArrangedDayView], description: '调休: weekend days worked' })
  workdays: ArrangedDayView[];

  @ApiProperty({ type: String, nullable: true, example: '国务院办公厅关于2027年部分节假日安排的通知' })
  sourceDocument: string | null;

  @ApiProperty({ example: 2, description: 'the confirmed revision in force' })
  revision: number;

  @ApiProperty({ type: String, format: 'date-time', description: 'when it was confirmed, so took effect' })
  loadedAt: string;

  @ApiProperty({ type: String, nullable: true, description: 'the reform-office user who loaded it' })
  loadedBy: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'the second reform-office user who confirmed it (null: loaded before four-eyes)' })
  confirmedBy: string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'the earlier revision whose days it restored' })
  restoredFromRevision: number | null;
}

/** One load of a year's arrangement: a draft, a confirmed revision, or a discarded draft. */
export class ArrangementRevisionView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 2027 })
  year: number;

  @ApiProperty({ example: 3, description: 'the number of the load within its year (drafts/{draft})' })
  draft: number;

  @ApiProperty({ enum: ['draft', 'confirmed', 'discarded'] })
  status: 'draft' | 'confirmed' | 'discarded';

  @ApiProperty({ type: Number, nullable: true, example: 2, description: 'the revision it became when confirmed (revisions/{revision})' })
  revision: number | null;

  @ApiProperty({ type: [ArrangedDayView] })
  holidays: ArrangedDayView[];

  @ApiProperty({ type: [ArrangedDayView] })
  workdays: ArrangedDayView[];

  @ApiProperty({ type: String, nullable: true })
  sourceDocument: string | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'the revision in force when it was drafted; confirming is refused (409) once another has been confirmed since',
  })
  baseRevision: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'a restore: the earlier revision whose days it brings back' })
  restoredFromRevision: number | null;

  @ApiProperty({ type: String, nullable: true })
  proposedBy: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  proposedAt: string;

  @ApiProperty({ type: String, nullable: true })
  confirmedBy: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  confirmedAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  discardedBy: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  discardedAt: string | null;
}
