/**
 * Where the infrastructure lives. Defaults match deploy/local; pointing a service at a
 * Temporal cluster, a Kafka cluster or a managed Postgres is a matter of these variables.
 */
export interface InfraConfig {
  databaseUrl: string;
  databaseSsl: boolean;
  databasePoolSize: number;
  kafkaBrokers: string[];
  kafkaClientId?: string;
  temporalAddress: string;
  temporalNamespace: string;
}

/** Without DATABASE_URL, the libpq variables (PGHOST, PGPORT …) that psql also reads. */
function libpqUrl(env: NodeJS.ProcessEnv): string {
  const user = encodeURIComponent(env.PGUSER ?? 'cityworks');
  const password = encodeURIComponent(env.PGPASSWORD ?? 'cityworks');
  return `postgres://${user}:${password}@${env.PGHOST ?? '127.0.0.1'}:${env.PGPORT ?? '5433'}/${env.PGDATABASE ?? 'cityworks'}`;
}

export function readInfraConfig(env: NodeJS.ProcessEnv = process.env): InfraConfig {
  return {
    databaseUrl: env.DATABASE_URL ?? libpqUrl(env),
    databaseSsl: env.DATABASE_SSL === 'true',
    databasePoolSize: Number(env.DATABASE_POOL_SIZE ?? 10),
    kafkaBrokers: (env.KAFKA_BROKERS ?? '127.0.0.1:9092')
      .split(',')
      .map((b) => b.trim())
      .filter(Boolean),
    temporalAddress: env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
    temporalNamespace: env.TEMPORAL_NAMESPACE ?? 'default',
  };
}
