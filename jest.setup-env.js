// Tests run against the real servers but never against the running system's data: their own
// database, their own Kafka topics and their own Temporal namespace (all created by
// deploy/local/test.sh). Variables already set win, so CI can point elsewhere.
process.env.NODE_ENV ??= 'test';
process.env.DATABASE_URL ??= 'postgres://cityworks:cityworks@127.0.0.1:5433/cityworks_test';
process.env.KAFKA_TOPIC_PREFIX ??= 'test.';
process.env.TEMPORAL_NAMESPACE ??= 'cityworks-test';
