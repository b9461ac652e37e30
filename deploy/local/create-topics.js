// Creates every topic in libs/contracts/src/kafka-topics.json (the broker does not auto-create).
// Idempotent: existing topics are left as they are.
const { Kafka, logLevel } = require('kafkajs');
const { topics } = require('../../libs/contracts/src/kafka-topics.json');

async function main() {
  const brokers = (process.env.KAFKA_BROKERS || '127.0.0.1:9092').split(',');
  // tests use their own prefixed topics so they never feed a running system (see test.sh)
  const prefix = process.env.KAFKA_TOPIC_PREFIX || '';
  const replicationFactor = Number(process.env.KAFKA_REPLICATION_FACTOR || 1);
  const admin = new Kafka({ clientId: 'cityworks-topics', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const wanted = topics.map((t) => ({ ...t, name: prefix + t.name }));
    const missing = wanted.filter((t) => !existing.has(t.name));
    if (missing.length) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((t) => ({ topic: t.name, numPartitions: t.partitions, replicationFactor })),
      });
    }
    console.log(`[infra] kafka topics: ${missing.length ? 'created ' + missing.map((t) => t.name).join(', ') : 'all ' + topics.length + ' present'}`);
  } finally {
    await admin.disconnect();
  }
}

main().catch((e) => {
  console.error(`[infra] kafka topics: ${e.message}`);
  process.exit(1);
});
