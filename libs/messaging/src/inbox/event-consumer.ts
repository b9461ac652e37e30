import { ConflictException, Inject, Injectable, Logger, NotFoundException, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Consumer, EachMessagePayload, Kafka } from 'kafkajs';
import { Counter, Gauge, register } from 'prom-client';
import type { IntegrationEvent, TopicName } from '@cityworks/contracts';
import { runWithCorrelationId, StopSignal } from '@cityworks/platform';
import { KAFKA } from '../kafka/kafka.client';
import { fromKafkaMessage, MalformedEventError } from '../kafka/kafka-message';
import { physicalTopic } from '../kafka/topic-names';
import { IntegrationEventHandler } from './event-handler';
import { MESSAGING_OPTIONS, MessagingOptions } from '../messaging.options';
import { RelayNudges } from '../state-change/relay-nudges';
import { isPermanentFailure, PermanentEventError } from './failure-policy';
import { inConsumeSpan } from './consume-span';

/** attempts before an event whose failure retrying cannot fix is parked (a race may still clear it) */
const PERMANENT_FAILURE_ATTEMPTS = 3;
/** longest wait between attempts while a server we depend on is down */
const MAX_BACKOFF_MS = 30_000;
/** a consumer that waits longer than Kafka's session timeout without a heartbeat loses its partitions */
const HEARTBEAT_EVERY_MS = 3_000;

const handled =
  (register.getSingleMetric('inbox_events_total') as Counter<'type' | 'outcome'>) ??
  new Counter({ name: 'inbox_events_total', help: 'Integration events consumed', labelNames: ['type', 'outcome'] });

/** every consumer in this process, for the parked-events gauge (a test process hosts several services) */
const consumers = new Set<EventConsumer>();
if (!register.getSingleMetric('inbox_parked_events')) {
  new Gauge({
    name: 'inbox_parked_events',
    help: 'Events parked because retrying cannot fix them; list and re-drive them at /parked-events',
    labelNames: ['consumer'],
    async collect() {
      for (const consumer of consumers) {
        const count = await consumer.parkedCount().catch(() => undefined);
        if (count !== undefined) this.set({ consumer: consumer.consumerName }, count);
      }
    },
  });
}

export interface ParkedEvent {
  eventId: string;
  type: string;
  subject: string | null;
  error: string;
  attempts: number;
  parkedAt: Date | null;
  redrivable: boolean;
}

/**
 * The service's Kafka consumer group. Each event runs in one transaction with its inbox row:
 * a redelivery finds the row and does nothing. An outage of a server the handler needs keeps
 * the event retrying with back-off (the partition waits behind it); only a failure retrying
 * cannot fix parks the event, with its envelope, for an operator to re-drive.
 */
@Injectable()
export class EventConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EventConsumer.name);
  private readonly handlers = new Map<string, IntegrationEventHandler<unknown>>();
  private consumer: Consumer | undefined;
  private readonly stop = new StopSignal();
  private starting: Promise<void> | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly nudges: RelayNudges,
  ) {}

  /** Called by a service's handler classes in their onModuleInit. */
  register<T>(eventType: string, handler: IntegrationEventHandler<T>): void {
    if (this.handlers.has(eventType)) throw new Error(`a handler for ${eventType} is already registered`);
    this.handlers.set(eventType, handler as IntegrationEventHandler<unknown>);
  }

  private readyResolve!: () => void;
  /** resolves once the consumer has joined its group and been given partitions */
  readonly ready = new Promise<void>((resolve) => (this.readyResolve = resolve));

  /** The group id, also the inbox's consumer name; KAFKA_CONSUMER_GROUP_SUFFIX isolates test runs. */
  get consumerName(): string {
    return (this.options.consumerGroup ?? `cityworks-${this.options.service}`) + (process.env.KAFKA_CONSUMER_GROUP_SUFFIX ?? '');
  }

  onApplicationBootstrap(): void {
    const topics = this.options.subscribeTo ?? [];
    if (topics.length === 0 || process.env.EVENT_CONSUMER_ENABLED === 'false') return;
    consumers.add(this);
    this.starting = this.startWithRetry(topics);
  }

  async onApplicationShutdown(): Promise<void> {
    consumers.delete(this);
    this.stop.stop();
    await this.starting;
    await this.consumer?.disconnect().catch(() => undefined);
  }

  /** Kafka may be down when the service starts; the service still serves and joins later. */
  private async startWithRetry(topics: readonly TopicName[]): Promise<void> {
    let wait = 500;
    while (!this.stop.stopped) {
      try {
        const consumer = this.kafka.consumer({ groupId: this.consumerName, allowAutoTopicCreation: false, sessionTimeout: 30000, heartbeatInterval: 3000 });
        consumer.on(consumer.events.GROUP_JOIN, () => this.readyResolve());
        // kafkajs restarts itself after a retriable crash; after any other, start over here
        consumer.on(consumer.events.CRASH, ({ payload }) => {
          if (payload.restart || this.stop.stopped) return;
          this.logger.warn(`consumer crashed (${payload.error.message}); joining again`);
          void consumer.disconnect().catch(() => undefined);
          this.starting = this.startWithRetry(topics);
        });
        await consumer.connect();
        // a new group starts from the oldest retained event, so nothing published before
        // the service first started is missed
        await consumer.subscribe({ topics: topics.map(physicalTopic), fromBeginning: process.env.KAFKA_CONSUMER_FROM_BEGINNING !== 'false' });
        await consumer.run({ eachMessage: (payload) => this.onMessage(payload) });
        this.consumer = consumer;
        this.logger.log(`consuming ${topics.join(', ')} as group ${this.consumerName}`);
        return;
      } catch (e) {
        this.logger.warn(`cannot join Kafka yet: ${(e as Error).message}`);
        await this.stop.sleep(wait);
        wait = Math.min(wait * 2, 5000);
      }
    }
  }

  private async onMessage({ topic, partition, message, heartbeat }: EachMessagePayload): Promise<void> {
    let event: IntegrationEvent;
    try {
      event = fromKafkaMessage(message.value, message.headers);
    } catch (e) {
      if (e instanceof MalformedEventError) {
        this.logger.error(`skipping malformed message ${topic}/${partition}@${message.offset}: ${e.message}`);
        handled.inc({ type: 'malformed', outcome: 'skipped' });
        return;
      }
      throw e;
    }
    const handler = this.handlers.get(event.type);
    if (!handler) return; // topics carry several types; this service needs only some
    await inConsumeSpan(event, this.consumerName, message.headers, () =>
      runWithCorrelationId(event.correlationid, () => this.handleWithRetries(event, handler, heartbeat), `kafka:${this.consumerName}`),
    );
  }

  private async handleWithRetries(event: IntegrationEvent, handler: IntegrationEventHandler<unknown>, heartbeat: () => Promise<void>): Promise<void> {
    let wait = 250;
    for (let attempt = 1; ; attempt++) {
      try {
        const outcome = await this.handleOnce(event, handler);
        handled.inc({ type: event.type, outcome });
        if (outcome === 'applied') this.nudges.nudge();
        return;
      } catch (e) {
        // leave the offset uncommitted; the next member of the group retries
        if (this.stop.stopped) throw e;
        // a handler that says so is believed at once; other final-looking failures get a few
        // attempts, since a race (a row another transaction is writing) can still clear them
        const final = e instanceof PermanentEventError || (isPermanentFailure(e) && attempt >= PERMANENT_FAILURE_ATTEMPTS);
        if (final) {
          this.logger.error(`parking event ${event.id} (${event.type}) after ${attempt} attempts: ${(e as Error).stack}`);
          await this.parkWithRetry(event, e as Error, attempt, heartbeat);
          handled.inc({ type: event.type, outcome: 'parked' });
          return;
        }
        handled.inc({ type: event.type, outcome: 'retried' });
        this.logger.warn(`event ${event.id} (${event.type}) attempt ${attempt} failed, retrying in ${wait} ms: ${(e as Error).message}`);
        await this.waitWithHeartbeats(wait, heartbeat);
        wait = Math.min(wait * 2, MAX_BACKOFF_MS);
      }
    }
  }

  private async waitWithHeartbeats(ms: number, heartbeat: () => Promise<void>): Promise<void> {
    const until = Date.now() + ms;
    while (!this.stop.stopped && Date.now() < until) {
      await this.stop.sleep(Math.min(HEARTBEAT_EVERY_MS, until - Date.now()));
      await heartbeat().catch(() => undefined);
    }
  }

  /** Claims the id in the inbox and applies the effect in one transaction. */
  async handleOnce(event: IntegrationEvent, handler: IntegrationEventHandler<unknown>): Promise<'applied' | 'duplicate'> {
    return this.dataSource.transaction((manager) => this.claimAndApply(manager, event, handler));
  }

  private async claimAndApply(manager: EntityManager, event: IntegrationEvent, handler: IntegrationEventHandler<unknown>): Promise<'applied' | 'duplicate'> {
    const claimed: unknown[] = await manager.query(
      `INSERT INTO inbox_events (consumer, event_id, type) VALUES ($1, $2, $3)
       ON CONFLICT (consumer, event_id) DO NOTHING RETURNING event_id`,
      [this.consumerName, event.id, event.type],
    );
    if (claimed.length === 0) return 'duplicate';
    await handler.handle(event, manager);
    return 'applied';
  }

  /** Parking needs the database too; while it is down, keep trying rather than lose the event. */
  private async parkWithRetry(event: IntegrationEvent, error: Error, attempts: number, heartbeat: () => Promise<void>): Promise<void> {
    let wait = 500;
    for (;;) {
      try {
        await this.park(event, error, attempts);
        return;
      } catch (e) {
        if (this.stop.stopped) throw e;
        this.logger.warn(`cannot park event ${event.id} yet: ${(e as Error).message}`);
        await this.waitWithHeartbeats(wait, heartbeat);
        wait = Math.min(wait * 2, MAX_BACKOFF_MS);
      }
    }
  }

  private async park(event: IntegrationEvent, error: Error, attempts: number, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `INSERT INTO inbox_events (consumer, event_id, type, failed_error, envelope, parked_at, attempts) VALUES ($1, $2, $3, $4, $5, now(), $6)
       ON CONFLICT (consumer, event_id) DO UPDATE SET failed_error = EXCLUDED.failed_error, envelope = EXCLUDED.envelope,
         parked_at = EXCLUDED.parked_at, attempts = inbox_events.attempts + EXCLUDED.attempts`,
      [this.consumerName, event.id, event.type, `${error.message}`.slice(0, 4000), JSON.stringify(event), attempts],
    );
  }

  async parkedCount(): Promise<number> {
    const [row] = await this.dataSource.query('SELECT count(*)::int AS n FROM inbox_events WHERE consumer = $1 AND failed_error IS NOT NULL', [
      this.consumerName,
    ]);
    return row.n;
  }

  /** Parked events, newest first, for operators and the 工改办. */
  async listParked(page: number, pageSize: number): Promise<{ items: ParkedEvent[]; total: number }> {
    const rows: { event_id: string; type: string; failed_error: string; attempts: number; parked_at: Date | null; envelope: IntegrationEvent | null }[] =
      await this.dataSource.query(
        `SELECT event_id, type, failed_error, attempts, parked_at, envelope FROM inbox_events
         WHERE consumer = $1 AND failed_error IS NOT NULL ORDER BY parked_at DESC NULLS LAST, event_id LIMIT $2 OFFSET $3`,
        [this.consumerName, pageSize, (page - 1) * pageSize],
      );
    const total = await this.parkedCount();
    return {
      total,
      items: rows.map((r) => ({
        eventId: r.event_id,
        type: r.type,
        subject: r.envelope?.subject ?? null,
        error: r.failed_error,
        attempts: r.attempts,
        parkedAt: r.parked_at,
        redrivable: r.envelope !== null && this.handlers.has(r.type),
      })),
    };
  }

  /**
   * Applies a parked event again, once its cause is fixed. Success replaces the parked row by
   * an ordinary inbox row in the same transaction as the effect; another failure parks it
   * again with the new error.
   */
  async redrive(eventId: string): Promise<{ eventId: string; outcome: 'applied' }> {
    const [row]: { envelope: IntegrationEvent | null; type: string }[] = await this.dataSource.query(
      'SELECT envelope, type FROM inbox_events WHERE consumer = $1 AND event_id = $2 AND failed_error IS NOT NULL',
      [this.consumerName, eventId],
    );
    if (!row) throw new NotFoundException(`no parked event ${eventId}`);
    const handler = this.handlers.get(row.type);
    if (!row.envelope || !handler)
      throw new ConflictException(
        `parked event ${eventId} cannot be re-driven here: ${row.envelope ? `no handler for ${row.type}` : 'its envelope was not kept'}`,
      );
    const event = row.envelope;
    try {
      await runWithCorrelationId(event.correlationid, () =>
        this.dataSource.transaction(async (manager) => {
          await manager.query('DELETE FROM inbox_events WHERE consumer = $1 AND event_id = $2 AND failed_error IS NOT NULL', [this.consumerName, eventId]);
          await this.claimAndApply(manager, event, handler);
        }),
      );
    } catch (e) {
      await this.park(event, e as Error, 1);
      throw new ConflictException(`parked event ${eventId} failed again and stays parked: ${(e as Error).message}`);
    }
    handled.inc({ type: event.type, outcome: 'redriven' });
    this.nudges.nudge();
    return { eventId, outcome: 'applied' };
  }
}
