import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Consumer, EachMessagePayload, Kafka } from 'kafkajs';
import { Counter, register } from 'prom-client';
import type { IntegrationEvent, TopicName } from '@cityworks/contracts';
import { runWithCorrelationId, StopSignal } from '@cityworks/platform';
import { KAFKA } from '../kafka/kafka.client';
import { fromKafkaMessage, MalformedEventError } from '../kafka/kafka-message';
import { physicalTopic } from '../kafka/topic-names';
import { IntegrationEventHandler } from './event-handler';
import { MESSAGING_OPTIONS, MessagingOptions } from '../messaging.options';

const MAX_ATTEMPTS = 5;

const handled =
  (register.getSingleMetric('inbox_events_total') as Counter<'type' | 'outcome'>) ??
  new Counter({ name: 'inbox_events_total', help: 'Integration events consumed', labelNames: ['type', 'outcome'] });

/**
 * The service's Kafka consumer group. Each event runs in one transaction with its inbox row:
 * a redelivery finds the row and does nothing. An event that keeps failing is parked in the
 * inbox with its error, so one bad event cannot stop a partition.
 */
@Injectable()
export class EventConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EventConsumer.name);
  private readonly handlers = new Map<string, IntegrationEventHandler<any>>();
  private consumer: Consumer | undefined;
  private readonly stop = new StopSignal();
  private starting: Promise<void> | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  /** Called by a service's handler classes in their onModuleInit. */
  register<T>(eventType: string, handler: IntegrationEventHandler<T>): void {
    if (this.handlers.has(eventType)) throw new Error(`a handler for ${eventType} is already registered`);
    this.handlers.set(eventType, handler);
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
    this.starting = this.startWithRetry(topics);
  }

  async onApplicationShutdown(): Promise<void> {
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

  private async onMessage({ topic, partition, message }: EachMessagePayload): Promise<void> {
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
    await runWithCorrelationId(event.correlationid, () => this.handleWithRetries(event, handler), `kafka:${this.consumerName}`);
  }

  private async handleWithRetries(event: IntegrationEvent, handler: IntegrationEventHandler): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        const outcome = await this.handleOnce(event, handler);
        handled.inc({ type: event.type, outcome });
        return;
      } catch (e) {
        if (attempt >= MAX_ATTEMPTS || this.stop.stopped) {
          if (this.stop.stopped) throw e; // leave the offset uncommitted; another member retries
          this.logger.error(`parking event ${event.id} (${event.type}) after ${attempt} attempts: ${(e as Error).stack}`);
          await this.park(event, e as Error);
          handled.inc({ type: event.type, outcome: 'parked' });
          return;
        }
        this.logger.warn(`event ${event.id} (${event.type}) attempt ${attempt} failed: ${(e as Error).message}`);
        await this.stop.sleep(200 * 2 ** attempt);
      }
    }
  }

  /** Claims the id in the inbox and applies the effect in one transaction. */
  async handleOnce(event: IntegrationEvent, handler: IntegrationEventHandler): Promise<'applied' | 'duplicate'> {
    return this.dataSource.transaction(async (manager) => {
      const claimed: unknown[] = await manager.query(
        `INSERT INTO inbox_events (consumer, event_id, type) VALUES ($1, $2, $3)
         ON CONFLICT (consumer, event_id) DO NOTHING RETURNING event_id`,
        [this.consumerName, event.id, event.type],
      );
      if (claimed.length === 0) return 'duplicate';
      await handler.handle(event, manager);
      return 'applied';
    });
  }

  private async park(event: IntegrationEvent, error: Error): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO inbox_events (consumer, event_id, type, failed_error) VALUES ($1, $2, $3, $4)
       ON CONFLICT (consumer, event_id) DO UPDATE SET failed_error = EXCLUDED.failed_error`,
      [this.consumerName, event.id, event.type, `${error.message}`.slice(0, 4000)],
    );
  }
}
