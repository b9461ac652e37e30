import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import type { IntegrationEvent, NewIntegrationEvent, TopicName } from '@cityworks/contracts';
import { currentCorrelationId, SERVICE_NAME } from '@cityworks/platform';
import { currentTraceContext } from '@cityworks/tracing';

/**
 * Records an integration event inside the caller's transaction: the event exists exactly when
 * the data change that caused it is committed.
 */
@Injectable()
export class OutboxWriter {
  constructor(@Inject(SERVICE_NAME) private readonly service: string) {}

  async add<T>(manager: EntityManager, topic: TopicName, event: NewIntegrationEvent<T>): Promise<IntegrationEvent<T>> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('OutboxWriter.add must run inside the transaction that changes the data');
    }
    const envelope: IntegrationEvent<T> = {
      specversion: '1.0',
      id: randomUUID(),
      source: `/cityworks/${this.service}`,
      type: event.type,
      time: new Date().toISOString(),
      subject: event.subject,
      datacontenttype: 'application/json',
      correlationid: currentCorrelationId() ?? randomUUID(),
      data: event.data,
    };
    // the request's span, so the relay publishes later within the same trace (ADR 0024)
    const trace = currentTraceContext();
    await manager.query('INSERT INTO outbox_events (id, topic, type, subject, envelope, trace_parent, trace_state) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      envelope.id,
      topic,
      envelope.type,
      envelope.subject,
      JSON.stringify(envelope),
      trace.traceparent,
      trace.tracestate,
    ]);
    return envelope;
  }
}
