import { Kafka, logLevel, LogEntry } from 'kafkajs';
import { Logger } from '@nestjs/common';
import { readInfraConfig } from '@cityworks/platform';

export const KAFKA = Symbol('KAFKA');

/** kafkajs logs through Nest's logger so broker trouble appears in the service's JSON log. */
function kafkaLogCreator(service: string) {
  const logger = new Logger(`kafka:${service}`);
  return () =>
    ({ level, log }: LogEntry) => {
      const { message, ...extra } = log;
      const line = `${message} ${JSON.stringify(extra)}`;
      if (level === logLevel.ERROR) logger.error(line);
      else if (level === logLevel.WARN) logger.warn(line);
    };
}

export function createKafka(service: string): Kafka {
  const infra = readInfraConfig();
  return new Kafka({
    clientId: `cityworks-${service}`,
    brokers: infra.kafkaBrokers,
    connectionTimeout: 3000,
    requestTimeout: 10000,
    retry: { initialRetryTime: 300, retries: 5 },
    logLevel: logLevel.WARN,
    logCreator: kafkaLogCreator(service),
  });
}
