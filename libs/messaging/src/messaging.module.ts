import { DynamicModule, Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { createKafka, KAFKA } from './kafka/kafka.client';
import { KafkaHealth } from './kafka/kafka-health';
import { OutboxWriter } from './outbox/outbox.writer';
import { OutboxRelay } from './outbox/outbox.relay';
import { EventConsumer } from './inbox/event-consumer';
import { MESSAGING_OPTIONS, MessagingOptions } from './messaging.options';

/** Outbox, relay, inbox consumer and the Kafka client for one service. */
@Global()
@Module({})
export class MessagingModule {
  static forService(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      imports: [TerminusModule],
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        { provide: KAFKA, useFactory: () => createKafka(options.service) },
        OutboxWriter,
        OutboxRelay,
        EventConsumer,
        KafkaHealth,
      ],
      exports: [KAFKA, OutboxWriter, OutboxRelay, EventConsumer],
    };
  }
}
