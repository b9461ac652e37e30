import { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { configureHttpApp } from '@cityworks/platform';

/**
 * Starts a service's real AppModule in the test process, against the real Postgres, Kafka and
 * Temporal (addresses from the environment, as in production). Nothing is mocked.
 */
export async function startServiceApp(module: Type<unknown>, title = 'test'): Promise<INestApplication> {
  const app = await NestFactory.create(module, { logger: ['error', 'warn'], bodyParser: false, abortOnError: false });
  configureHttpApp(app, { title, description: title });
  await app.init();
  return app;
}

/** Gives each test run its own consumer groups, so parallel runs do not steal each other's events. */
export function isolateKafkaConsumers(): string {
  const suffix = `-test-${process.pid}-${Date.now().toString(36)}`;
  process.env.KAFKA_CONSUMER_GROUP_SUFFIX = suffix;
  process.env.KAFKA_CONSUMER_FROM_BEGINNING = 'false';
  return suffix;
}
