import { DynamicModule, Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { createKafka, KAFKA } from './kafka/kafka.client';
import { KafkaHealth } from './kafka/kafka-health';
import { OutboxWriter } from './outbox/outbox.writer';
import { OutboxRelay } from './outbox/outbox.relay';
import { EventConsumer } from './inbox/event-consumer';
import { MESSAGING_OPTIONS, MessagingOptions } from './messaging.options';
import { RelayNudges } from './state-change/relay-nudges';
import { UnitOfWork } from './state-change/unit-of-work';
import { WorkflowCommandWriter } from './workflow-outbox/workflow-command.writer';
import { ParkedEventsController } from './inbox/parked-events.controller';

/**
 * The state-change path (unit of work: audit + outbox + workflow commands), the relay to Kafka,
 * the inbox consumer with its parked events, and the Kafka client, for one service.
 */
@Global()
@Module({})
export class MessagingModule {
  static forService(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      imports: [TerminusModule],
      controllers: [ParkedEventsController],
      providers: [
        RelayNudges,
        UnitOfWork,
        WorkflowCommandWriter,
        { provide: MESSAGING_OPTIONS, useValue: options },
        { provide: KAFKA, useFactory: () => createKafka(options.service) },
        OutboxWriter,
        OutboxRelay,
        EventConsumer,
        KafkaHealth,
      ],
      exports: [KAFKA, OutboxWriter, OutboxRelay, EventConsumer, UnitOfWork, RelayNudges, WorkflowCommandWriter],
    };
  }
}
