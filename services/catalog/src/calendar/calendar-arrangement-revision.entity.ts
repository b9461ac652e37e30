import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ArrangementRevisionStatus = 'draft' | 'confirmed' | 'discarded';

/**
 * Every arrangement of a year ever loaded, in the order loaded. Loading (or restoring) creates a
 * numbered `draft`; it takes effect only when a second, different reform-office user confirms it
 * (四眼原则), becoming the next numbered `revision` and the arrangement in force. A draft may be
 * discarded instead. Confirmed revisions are kept, so an earlier one can be restored.
 */
@Entity({ name: 'calendar_arrangement_revisions' })
export class CalendarArrangementRevision {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'int' })
  year: number;

  /** 1, 2, … per year, in the order loaded */
  @Column({ type: 'int' })
  draft: number;

  @Column({ type: 'varchar', length: 10 })
  status: ArrangementRevisionStatus;

  /** 1, 2, … per year, in the order confirmed; null until confirmed */
  @Column({ type: 'int', nullable: true })
  revision: number | null;

  @Column({ type: 'jsonb' })
  holidays: { date: string; name: string }[];

  @Column({ type: 'jsonb' })
  workdays: { date: string; name: string }[];

  @Column({ name: 'source_document', type: 'varchar', length: 200, nullable: true })
  sourceDocument: string | null;

  /** the revision in force when it was drafted: confirming is refused once another has been confirmed since */
  @Column({ name: 'base_revision', type: 'int', nullable: true })
  baseRevision: number | null;

  /** a restore: the earlier revision whose days it brings back */
  @Column({ name: 'restored_from_revision', type: 'int', nullable: true })
  restoredFromRevision: number | null;

  @Column({ name: 'proposed_by', type: 'varchar', length: 100, nullable: true })
  proposedBy: string | null;

  @Column({ name: 'proposed_at', type: 'timestamptz' })
  proposedAt: Date;

  @Column({ name: 'confirmed_by', type: 'varchar', length: 100, nullable: true })
  confirmedBy: string | null;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Column({ name: 'discarded_by', type: 'varchar', length: 100, nullable: true })
  discardedBy: string | null;

  @Column({ name: 'discarded_at', type: 'timestamptz', nullable: true })
  discardedAt: Date | null;
}
