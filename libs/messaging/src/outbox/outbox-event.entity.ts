import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { IntegrationEvent } from '@cityworks/contracts';

/**
 * An event written in the same transaction as the data it describes; the relay publishes it.
 * A row stays until published, so a Kafka outage delays events but never loses them.
 */
@Entity({ name: 'outbox_events' })
@Index('outbox_events_unpublished', ['createdAt'], { where: 'published_at IS NULL' })
export class OutboxEvent {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  topic: string;

  @Column({ type: 'varchar', length: 200 })
  type: string;

  @Column({ type: 'varchar', length: 200 })
  subject: string;

  @Column({ type: 'jsonb' })
  envelope: IntegrationEvent;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  /** the writer's span (W3C traceparent), continued by the relay's publish span; null when tracing was off */
  @Column({ name: 'trace_parent', type: 'varchar', length: 55, nullable: true })
  traceParent: string | null;

  @Column({ name: 'trace_state', type: 'text', nullable: true })
  traceState: string | null;
}
