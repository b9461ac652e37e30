#!/usr/bin/env node
// Proves the local Kafka broker works with the kafkajs version the services
// use: admin (create topic), producer, and a consumer *group* (which
// exercises the group coordinator and __consumer_offsets, the parts most
// likely to break across broker/client versions).
//
//   node deploy/local/kafka-smoke.js        (KAFKA_BROKERS defaults to 127.0.0.1:9092)
//
// Prints "kafka-smoke: OK ..." and exits 0, or prints the error and exits 1.
'use strict';

const path = require('path');
// Resolve from the repo root so the script works from any cwd and uses
// exactly the kafkajs the services are built against.
const { Kafka, Partitioners, logLevel } = require(require.resolve('kafkajs', { paths: [path.resolve(__dirname, '../..')] }));
const kafkajsVersion = require(require.resolve('kafkajs/package.json', { paths: [path.resolve(__dirname, '../..')] })).version;

const brokers = (process.env.KAFKA_BROKERS || '127.0.0.1:9092').split(',');
const runId = `${Date.now()}-${process.pid}`;
const topic = `infra-smoke-${runId}`;
const groupId = `infra-smoke-${runId}`;
const COUNT = 3;
const TIMEOUT_MS = Number(process.env.KAFKA_SMOKE_TIMEOUT_MS || 60000);

async function main() {
  const kafka = new Kafka({ clientId: 'infra-smoke', brokers, logLevel: logLevel.WARN, retry: { retries: 5 } });
  const admin = kafka.admin();
  // Explicit partitioner: silences kafkajs' v2 migration warning.
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  // Short fetch wait: disconnect() waits for the in-flight fetch (5 s by default).
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 200 });
  const started = Date.now();
  try {
    await admin.connect();
    const created = await admin.createTopics({
      topics: [{ topic, numPartitions: 1, replicationFactor: 1 }],
      waitForLeaders: true,
    });
    if (!created) throw new Error(`topic ${topic} already existed`);

    await producer.connect();
    await producer.send({
      topic,
      messages: Array.from({ length: COUNT }, (_, i) => ({ key: `k${i}`, value: `message ${i} of ${runId}` })),
    });

    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const received = [];
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`received ${received.length}/${COUNT} messages within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      consumer
        .run({
          eachMessage: async ({ message }) => {
            received.push(message.value.toString());
            if (received.length === COUNT) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
    for (let i = 0; i < COUNT; i++) {
      if (received[i] !== `message ${i} of ${runId}`) throw new Error(`unexpected message order/content: ${JSON.stringify(received)}`);
    }
    // The committed offset proves the group coordinator accepted the commit.
    await consumer.commitOffsets([{ topic, partition: 0, offset: String(COUNT) }]);
    const [{ partitions }] = await admin.fetchOffsets({ groupId, topics: [topic] });
    if (partitions[0].offset !== String(COUNT)) throw new Error(`committed offset is ${partitions[0].offset}, expected ${COUNT}`);

    console.log(
      `kafka-smoke: OK kafkajs ${kafkajsVersion} -> ${brokers.join(',')}: created ${topic}, produced and consumed ${COUNT} messages in group ${groupId} (${Date.now() - started} ms)`,
    );
  } finally {
    await consumer.disconnect().catch(() => {});
    await producer.disconnect().catch(() => {});
    // Leave no litter: the broker has auto-create off, so this topic exists
    // only because we made it.
    await admin.deleteTopics({ topics: [topic] }).catch(() => {});
    await admin.deleteGroups([groupId]).catch(() => {});
    await admin.disconnect().catch(() => {});
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(`kafka-smoke: FAILED: ${err && err.stack ? err.stack : err}`);
    process.exit(1);
  },
);
