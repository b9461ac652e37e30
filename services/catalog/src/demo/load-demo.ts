import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { runWithCorrelationId } from '@cityworks/platform';
import { catalogCore } from '../catalog.module';
import { DemoLoaderService } from './demo-loader.service';

/**
 * `node -r ./scripts/register-paths.js dist/services/catalog/src/demo/load-demo.js`: loads the
 * demo city into the catalog database (migrating it first if needed) and prints what it added.
 * Safe to run again. The events it writes wait in the outbox for the running service's relay.
 */
@Module({ imports: [...catalogCore] })
class DemoCliModule {}

async function main(): Promise<void> {
  process.env.OUTBOX_RELAY_ENABLED = 'false';
  process.env.CATALOG_LOAD_DEMO = 'false';
  const app = await NestFactory.createApplicationContext(DemoCliModule, { logger: ['error', 'warn'] });
  try {
    const result = await runWithCorrelationId(undefined, () => app.get(DemoLoaderService).load(), 'demo-loader');
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await app.close();
  }
}

main().catch((e) => {
  process.stderr.write(`demo city not loaded: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
