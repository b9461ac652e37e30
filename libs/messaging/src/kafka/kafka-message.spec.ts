import type { IntegrationEvent } from '@cityworks/contracts';
import { fromKafkaMessage, MalformedEventError, toKafkaMessage } from './kafka-message';
import { stableUuid } from '../stable-id';

const event: IntegrationEvent<{ applicationId: string }> = {
  specversion: '1.0',
  id: '7d7c3a8e-8a65-4f0b-9d4a-1c1f6c7c2b11',
  source: '/cityworks/approval',
  type: 'approval.decided.v1',
  time: '2026-11-24T02:00:00.000Z',
  subject: 'app-1',
  datacontenttype: 'application/json',
  correlationid: 'corr-1',
  data: { applicationId: 'app-1' },
};

describe('CloudEvents on Kafka (structured mode)', () => {
  it('round-trips an event, keyed by subject, with attributes as headers', () => {
    const message = toKafkaMessage(event);
    expect(message.key).toBe('app-1');
    expect(message.headers).toMatchObject({ ce_id: event.id, ce_type: event.type, 'x-correlation-id': 'corr-1' });
    expect(fromKafkaMessage(Buffer.from(message.value as string))).toEqual(event);
  });

  it.each([
    ['empty', null],
    ['not JSON', Buffer.from('{oops')],
    ['no id', Buffer.from(JSON.stringify({ ...event, id: undefined }))],
    ['wrong specversion', Buffer.from(JSON.stringify({ ...event, specversion: '0.3' }))],
  ])('refuses a malformed message: %s', (_, value) => {
    expect(() => fromKafkaMessage(value)).toThrow(MalformedEventError);
  });
});

describe('stableUuid', () => {
  it('gives the same UUID for the same name and a different one otherwise', () => {
    const a = stableUuid('supervision-task', 'app-1');
    expect(a).toBe(stableUuid('supervision-task', 'app-1'));
    expect(a).not.toBe(stableUuid('supervision-task', 'app-2'));
    expect(a).not.toBe(stableUuid('commitment', 'app-1'));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
