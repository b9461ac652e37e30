import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A year's official holiday arrangement (国务院办公厅关于…部分节假日安排的通知) in force: the
 * latest confirmed revision (see CalendarArrangementRevision). It takes precedence over the
 * calendar library and the statutory fallback. Drafts never reach this table.
 */
@Entity({ name: 'calendar_arrangements' })
export class CalendarArrangement {
  @PrimaryColumn({ type: 'int' })
  year: number;

  /** days off: statutory holidays and the days added to them */
  @Column({ type: 'jsonb' })
  holidays: { date: string; name: string }[];

  /** 调休 make-up working days (weekend days) */
  @Column({ type: 'jsonb' })
  workdays: { date: string; name: string }[];

  @Column({ name: 'source_document', type: 'varchar', length: 200, nullable: true })
  sourceDocument: string | null;

  /** the confirmed revision in force: 1 for the first, +1 for each confirmed change (a restore included) */
  @Column({ type: 'int' })
  revision: number;

  /** when the revision was confirmed, so took effect */
  @Column({ name: 'loaded_at', type: 'timestamptz' })
  loadedAt: Date;

  /** the reform-office user who loaded (proposed) it */
  @Column({ name: 'loaded_by', type: 'varchar', length: 100, nullable: true })
  loadedBy: string | null;

  /** the second reform-office user who confirmed it (null for arrangements loaded before four-eyes) */
  @Column({ name: 'confirmed_by', type: 'varchar', length: 100, nullable: true })
  confirmedBy: string | null;

  /** the earlier revision whose days this one restored */
  @Column({ name: 'restored_from_revision', type: 'int', nullable: true })
  restoredFromRevision: number | null;
}
