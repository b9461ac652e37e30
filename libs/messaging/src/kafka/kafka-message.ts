import type { IntegrationEvent } from '@cityworks/contracts';
import type { IHeaders, Message } from 'kafkajs';

/**
 * CloudEvents structured mode: the whole envelope is the value; a few attributes also ride as
 * headers, and so does the W3C trace context of the publish span when tracing is on.
 */
export function toKafkaMessage(event: IntegrationEvent, traceHeaders: Record<string, string> = {}): Message {
  return {
    key: event.subject,
    value: JSON.stringify(event),
    headers: {
      'content-type': 'application/cloudevents+json; charset=UTF-8',
      ce_id: event.id,
      ce_type: event.type,
      ce_source: event.source,
      'x-correlation-id': event.correlationid,
      ...traceHeaders,
    },
  };
}

export class MalformedEventError extends Error {}

export function fromKafkaMessage(value: Buffer | null, _headers?: IHeaders): IntegrationEvent {
  if (!value) throw new MalformedEventError('empty message');
  let parsed: Record<string, unknown> | null;
  try {
    parsed = JSON.parse(value.toString('utf8'));
  } catch {
    throw new MalformedEventError('message is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null) throw new MalformedEventError('message is not a JSON object');
  for (const field of ['id', 'type', 'source', 'subject', 'time']) {
    if (typeof parsed[field] !== 'string' || !parsed[field]) throw new MalformedEventError(`CloudEvent attribute ${field} is missing`);
  }
  if (parsed.specversion !== '1.0') throw new MalformedEventError('specversion must be 1.0');
  return parsed as unknown as IntegrationEvent;
}
