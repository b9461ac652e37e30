import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { IntegrationEvent } from '@cityworks/contracts';

/**
 * Event ids a consumer has handled. Kafka delivers at least once; a redelivered id finds its
 * row here and has no second effect.
 */
@Entity({ name: 'inbox_events' })
export class InboxEvent {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  consumer: string;

  @PrimaryColumn({ name: 'event_id', type: 'varchar', length: 100 })
  eventId: string;

  @Column({ type: 'varchar', length: 200 })
  type: string;

  @Column({ name: 'processed_at', type: 'timestamptz', default: () => 'now()' })
  processedAt: Date;

  /** set when the handler kept failing and the event was parked for an operator */
  @Column({ name: 'failed_error', type: 'text', nullable: true })
  failedError: string | null;

  /** kept for a parked event, so an operator can re-drive it once the cause is fixed */
  @Column({ type: 'jsonb', nullable: true })
  envelope: IntegrationEvent | null;

  @Column({ name: 'parked_at', type: 'timestamptz', nullable: true })
  parkedAt: Date | null;

  @Column({ type: 'int', default: 1 })
  attempts: number;
}
