import { Column, PrimaryColumn } from 'typeorm';

/**
 * What every listed version has: its place in the timeline of one item (or template) in one
 * region's list. Rows are appended; a row is immutable once its effectiveFrom has come.
 */
export abstract class ListedVersion {
  @PrimaryColumn('uuid')
  id: string;

  /** 事项编码 (for a stage template: the project type) */
  @Column({ type: 'varchar', length: 64 })
  code: string;

  /** the list it belongs to */
  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode: string;

  @Column({ type: 'int' })
  version: number;

  /** YYYY-MM-DD, China calendar */
  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom: string;

  /** the upper list's version this one follows; null for a list's own item */
  @Column({ name: 'follows_version', type: 'int', nullable: true })
  followsVersion: number | null;

  /** 事项取消 from effectiveFrom on */
  @Column({ type: 'boolean', default: false })
  retired: boolean;

  @Column({ name: 'change_note', type: 'text', nullable: true })
  changeNote: string | null;

  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt: Date;

  @Column({ name: 'published_by', type: 'varchar', length: 100, nullable: true })
  publishedBy: string | null;

  /** set when a pending version was amended before taking effect */
  @Column({ name: 'amended_at', type: 'timestamptz', nullable: true })
  amendedAt: Date | null;
}

export const textArray = { type: 'text', array: true } as const;
