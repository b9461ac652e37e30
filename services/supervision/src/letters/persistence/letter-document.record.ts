import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The letter's PDF exactly as issued. Kept apart from the letter's row so that lists and
 * state changes never carry the bytes.
 */
@Entity({ name: 'letter_documents' })
export class LetterDocumentRecord {
  @PrimaryColumn({ name: 'letter_id', type: 'uuid' })
  letterId: string;

  @Column({ name: 'media_type', type: 'varchar', length: 64 })
  mediaType: string;

  @Column({ type: 'bytea' })
  content: Buffer;

  /** hex SHA-256 of `content`, also in the audit entry of the issue */
  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ name: 'rendered_at', type: 'timestamptz' })
  renderedAt: Date;
}
