import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { YearArrangementData } from '@cityworks/contracts';

/**
 * This service's copy of an official holiday arrangement the catalog published: a service
 * computes its own deadlines and must not depend on the catalog being up to do so.
 */
@Entity({ name: 'calendar_arrangements' })
export class CalendarArrangementCopy {
  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ type: 'int' })
  revision: number;

  @Column({ type: 'jsonb' })
  arrangement: YearArrangementData;

  @Column({ name: 'loaded_at', type: 'timestamptz' })
  loadedAt: Date;
}
