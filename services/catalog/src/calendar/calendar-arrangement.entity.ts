import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A year's official holiday arrangement (国务院办公厅关于…部分节假日安排的通知), loaded by the
 * reform office. It takes precedence over the calendar library and the statutory fallback.
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

  /** 1 on the first load, +1 for each correction */
  @Column({ type: 'int' })
  revision: number;

  @Column({ name: 'loaded_at', type: 'timestamptz' })
  loadedAt: Date;

  @Column({ name: 'loaded_by', type: 'varchar', length: 100, nullable: true })
  loadedBy: string | null;
}
