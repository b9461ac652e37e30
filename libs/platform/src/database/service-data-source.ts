import { DataSource, DataSourceOptions } from 'typeorm';
import { InfraConfig } from '../config/infra-config';

export interface ServiceDatabaseOptions {
  /** the Postgres schema this service owns; every table and its migrations table live there */
  schema: string;
  entities: NonNullable<DataSourceOptions['entities']>;
  migrations: NonNullable<DataSourceOptions['migrations']>;
}

export function serviceDataSourceOptions(infra: InfraConfig, db: ServiceDatabaseOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: infra.databaseUrl,
    ssl: infra.databaseSsl ? { rejectUnauthorized: false } : undefined,
    schema: db.schema,
    entities: db.entities,
    migrations: db.migrations,
    migrationsTableName: 'migrations',
    migrationsRun: false,
    synchronize: false,
    // raw SQL (migrations, outbox relay, inbox) resolves unqualified names in the service's schema
    extra: { max: infra.databasePoolSize, connectionTimeoutMillis: 5000, options: `-c search_path=${db.schema}` },
    applicationName: `cityworks-${db.schema}`,
  } as DataSourceOptions;
}

/**
 * Creates the service's schema and applies pending migrations under an advisory lock,
 * so several replicas starting together migrate once.
 */
export async function migrateServiceSchema(dataSource: DataSource, schema: string): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`migrate:${schema}`]);
    await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, '')}"`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`migrate:${schema}`]).catch(() => undefined);
    await runner.release();
  }
}
