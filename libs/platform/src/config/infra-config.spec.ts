import { readInfraConfig } from './infra-config';

describe('readInfraConfig', () => {
  it('defaults to the local servers of deploy/local', () => {
    expect(readInfraConfig({})).toMatchObject({
      databaseUrl: 'postgres://cityworks:cityworks@127.0.0.1:5433/cityworks',
      kafkaBrokers: ['127.0.0.1:9092'],
      temporalAddress: '127.0.0.1:7233',
      temporalNamespace: 'default',
    });
  });

  it('takes an existing cluster from the environment (the scale path)', () => {
    const config = readInfraConfig({
      DATABASE_URL: 'postgres://u:p@db:5432/city',
      KAFKA_BROKERS: 'k1:9092, k2:9092',
      TEMPORAL_ADDRESS: 'temporal:7233',
      TEMPORAL_NAMESPACE: 'anshan',
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgres://u:p@db:5432/city',
      kafkaBrokers: ['k1:9092', 'k2:9092'],
      temporalAddress: 'temporal:7233',
      temporalNamespace: 'anshan',
    });
  });

  it('builds the database URL from the libpq variables when DATABASE_URL is absent', () => {
    expect(readInfraConfig({ PGHOST: 'db', PGPORT: '6543', PGUSER: 'app', PGPASSWORD: 'p@ss', PGDATABASE: 'city' }).databaseUrl).toBe(
      'postgres://app:p%40ss@db:6543/city',
    );
  });
});
