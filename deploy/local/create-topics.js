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
  await warmUpGroupCoordinator(brokers, prefix + topics[0].name);
}

/**
 * A new broker creates its group-coordination topic (__consumer_offsets) only when the first
 * consumer group asks for a coordinator; until then joins fail with "group coordinator is not
 * available". One throw-away group joins here, so the services' consumers find it ready.
 */
async function warmUpGroupCoordinator(brokers, topic) {
  const t0 = Date.now();
  const consumer = new Kafka({ clientId: 'cityworks-warmup', brokers, logLevel: logLevel.NOTHING }).consumer({ groupId: 'cityworks-coordinator-warmup' });
  let timer;
  const giveUp = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error('no group join within 60 s')), 60_000);
  });
  try {
    const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
    // every step is bounded: a broker that does not answer must not hold up whoever runs this
    const joining = (async () => {
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: false });
      await consumer.run({ eachMessage: async () => undefined });
      await joined;
    })();
    await Promise.race([joining, giveUp]);
    console.log(`[infra] kafka: group coordinator ready in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  } catch (e) {
    console.log(`[infra] kafka: group coordinator warm-up: ${e.message} (consumers will keep retrying)`);
  } finally {
    clearTimeout(timer);
    await Promise.race([consumer.disconnect().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 10_000))]);
  }
}

main()
  .then(() => process.exit(0))
  .catch((e) => {
    console.error(`[infra] kafka topics: ${e.message}`);
    process.exit(1);
  });
