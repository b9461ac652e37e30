import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Kafka, Partitioners, Producer } from 'kafkajs';
import { Counter, Gauge, register } from 'prom-client';
import { KAFKA } from '../kafka/kafka.client';
import { toKafkaMessage } from '../kafka/kafka-message';
import { physicalTopic } from '../kafka/topic-names';
import { OutboxEvent } from './outbox-event.entity';
import { RelayNudges } from '../state-change/relay-nudges';
import { nextRelayDelay, RelayWake } from '@cityworks/platform';
import { endPublishSpans, PublishSpan, sendUntraced, startPublishSpan } from './publish-spans';

const BATCH = 200;
// An idempotent producer's default is to retry for ever, which would hold a batch's row locks while
// Kafka is away; so the retries are finite, but long enough (about 39 s: 0.3, 0.6, 1.2 … s, each at
// most 10 s, 8 times) to outlast a broker's death: the controller fences a broker after its 9 s
// session timeout and only then moves its partitions' leadership. Within these retries the
// producer re-sends with the same sequence numbers, so the brokers keep one copy; a batch that
// gives up is sent again by a new producer, and a partition the first one had already written
// gets a second copy (ADR 0025). With kafkajs's 5 retries (about 9 s) CI's kafka-2 kill saw that
// once: 81 messages for 80 events, applied once.
const RELAY_RETRY = { initialRetryTime: 300, maxRetryTime: 10_000, retries: 8 };

function metric<T>(name: string, make: () => T): T {
  return (register.getSingleMetric(name) as T) ?? make();
}
const published = metric(
  'outbox_events_published_total',
  () => new Counter({ name: 'outbox_events_published_total', help: 'Outbox events published to Kafka' }),
);
const backlog = metric('outbox_backlog', () => new Gauge({ name: 'outbox_backlog', help: 'Outbox events waiting to be published' }));

/**
 * Publishes outbox rows to Kafka in commit order. Rows are locked with SKIP LOCKED so replicas
 * share the work; a row is marked published only after Kafka acknowledged it (at least once).
 * The producer is idempotent (ADR 0025): a produce request kafkajs re-sends after a timeout
 * carries the same producer id and sequence numbers, so the broker keeps one copy.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private producer: Producer | undefined;
  private connected = false;
  private stopped = false;
  private loop: Promise<void> | undefined;
  private readonly wake = new RelayWake();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(KAFKA) private readonly kafka: Kafka,
    nudges: RelayNudges,
  ) {
    nudges.register(() => this.nudge());
  }

  onApplicationBootstrap(): void {
    if (process.env.OUTBOX_RELAY_ENABLED === 'false') return;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wake.nudge();
    await this.loop;
    if (this.producer) await this.producer.disconnect().catch(() => undefined);
  }

  /** Lets a writer skip the poll delay right after a commit. */
  nudge(): void {
    this.wake.nudge();
  }

  private async run(): Promise<void> {
    let delay = 200;
    while (!this.stopped) {
      try {
        this.wake.passBegins();
        const sent = await this.publishBatch();
        delay = nextRelayDelay(delay, sent === BATCH ? 'full-batch' : sent > 0 ? 'some' : 'none');
      } catch (e) {
        this.connected = false;
        this.logger.warn(`outbox relay cannot publish yet: ${(e as Error).message}`);
        delay = nextRelayDelay(delay, 'failed');
      }
      if (delay > 0 && !this.stopped) await this.wake.sleep(delay);
    }
  }

  async publishBatch(): Promise<number> {
    let failure: Error | undefined;
    const sent = await this.dataSource.transaction(async (manager) => {
      const rows = await manager
        .createQueryBuilder(OutboxEvent, 'e')
        .where('e.published_at IS NULL')
        .orderBy('e.created_at', 'ASC')
        .addOrderBy('e.id', 'ASC')
        .limit(BATCH)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (rows.length === 0) {
        backlog.set(0);
        return 0;
      }
      const producer = await this.connectedProducer();
      const byTopic = new Map<string, OutboxEvent[]>();
      for (const row of rows) byTopic.set(row.topic, [...(byTopic.get(row.topic) ?? []), row]);
      // each row's publish continues the trace of the request that wrote it (ADR 0024)
      const spans: PublishSpan[] = [];
      const topicMessages = [...byTopic].map(([topic, events]) => ({
        topic: physicalTopic(topic),
        messages: events.map((e) => {
          const publish = startPublishSpan(e, physicalTopic(topic));
          spans.push(publish);
          return toKafkaMessage(e.envelope, publish.headers);
        }),
      }));
      try {
        await sendUntraced(() => producer.sendBatch({ acks: -1, topicMessages }));
        endPublishSpans(spans);
      } catch (e) {
        endPublishSpans(spans, e as Error);
        // recorded in this same transaction, which still commits: the rows stay unpublished
        await manager.query('UPDATE outbox_events SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1)', [
          rows.map((r) => r.id),
          (e as Error).message.slice(0, 1000),
        ]);
        failure = e as Error;
        return 0;
      }
      await manager.query('UPDATE outbox_events SET published_at = now(), last_error = NULL WHERE id = ANY($1)', [rows.map((r) => r.id)]);
      published.inc(rows.length);
      return rows.length;
    });
    if (failure) {
      // The next pass may send another set of rows from the sequence numbers these had, and the
      // broker refuses a sequence it has already taken in part (OUT_OF_ORDER_SEQUENCE_NUMBER) for
      // as long as the producer lives: the next pass starts a new producer, with a new id.
      await this.dropProducer();
      throw failure;
    }
    return sent;
  }

  private async connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      // Idempotent: kafkajs's own retries of a produce request (after a timeout while a broker is
      // lost) are kept once by the broker. kafkajs 2.2.4 calls this experimental and wants acks -1
      // and one request in flight, which also keeps each subject's events in order. Its retries
      // stay finite (kafkajs warns that this may invalidate EoS): a batch that still fails is
      // sent again by the next pass from a new producer, so a copy remains possible then, and the
      // consumers' inbox still absorbs it.
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        retry: RELAY_RETRY,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      producer.on(producer.events.DISCONNECT, () => {
        if (this.producer === producer) this.connected = false;
      });
      this.producer = producer;
    }
    if (!this.connected) {
      await this.producer.connect();
      this.connected = true;
    }
    return this.producer;
  }

  private async dropProducer(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    this.connected = false;
    await producer?.disconnect().catch(() => undefined);
  }
}
