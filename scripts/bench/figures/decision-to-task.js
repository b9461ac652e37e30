// 审批结果推送: an approval decision written → its supervision task visible at supervision
// (outbox → relay → Kafka → inbox consumer → task), beside a bare kafkajs produce → consume
// round trip on the same broker.
const path = require('path');
const { Kafka, Partitioners, logLevel } = require(require.resolve('kafkajs', { paths: [path.join(__dirname, '..', '..', '..')] }));
const { urls, token } = require('../lib/stack');
const { kafkaBrokers } = require('../lib/profile');
const { call, sleep, projectInFirstStage, accept, decide, REGION } = require('../lib/desk');
const { percentiles } = require('../lib/percentiles');

const SAMPLES = Number(process.env.BENCH_PUSH_SAMPLES ?? 30);
const POLL_MS = 5;

async function taskVisible(applicationId, supervisingDepartmentCode, since) {
  const auth = token(supervisingDepartmentCode, ['supervision-officer'], REGION);
  for (;;) {
    const page = await call(urls.supervision, 'GET', `/supervision-tasks?applicationId=${applicationId}`, auth);
    if (page.items.length) return performance.now() - since;
    if (performance.now() - since > 30_000) throw new Error(`no supervision task for application ${applicationId} in 30 s — is Kafka delivering?`);
    await sleep(POLL_MS);
  }
}

async function pushLatencies() {
  const latencies = [];
  while (latencies.length < SAMPLES) {
    const { project, items } = await projectInFirstStage('PUSH');
    for (const item of items.filter((i) => i.supervisingDepartmentCode)) {
      if (latencies.length >= SAMPLES) break;
      const application = await accept(project, item);
      const t0 = performance.now();
      await decide(application, item);
      latencies.push(await taskVisible(application.id, item.supervisingDepartmentCode, t0));
    }
  }
  return latencies;
}

async function bareRoundTrips() {
  const brokers = kafkaBrokers;
  const kafka = new Kafka({ clientId: 'bench-bare', brokers, logLevel: logLevel.NOTHING });
  const topic = `bench-bare-${Date.now()}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: Math.min(3, brokers.length) }], waitForLeaders: true });
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  const consumer = kafka.consumer({ groupId: topic, sessionTimeout: 30000, heartbeatInterval: 3000 });
  await Promise.all([producer.connect(), consumer.connect()]);
  await consumer.subscribe({ topic, fromBeginning: true });
  const waiting = new Map();
  await consumer.run({ eachMessage: async ({ message }) => waiting.get(message.key.toString())?.(performance.now()) });
  const latencies = [];
  try {
    for (let i = 0; i < SAMPLES + 5; i++) {
      const received = new Promise((resolve) => waiting.set(String(i), resolve));
      const t0 = performance.now();
      await producer.send({ topic, messages: [{ key: String(i), value: JSON.stringify({ i }) }] });
      const t1 = await received;
      if (i >= 5) latencies.push(t1 - t0); // the first few wait for the group to be joined
    }
  } finally {
    await Promise.all([consumer.disconnect(), producer.disconnect()]);
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  }
  return latencies;
}

module.exports = {
  name: 'decision-to-task',
  services: ['catalog', 'approval', 'supervision'],
  async run() {
    const push = percentiles(await pushLatencies());
    const bare = percentiles(await bareRoundTrips());
    return [
      {
        figure: `decision written → supervision task visible, p99 of ${push.n} (polled every ${POLL_MS} ms)`,
        value: push.p99,
        unit: 'ms',
        baseline: bare.p99,
        baselineName: 'bare kafkajs produce → consume p99',
        target: '< 1000 ms',
        met: push.p99 < 1000,
        detail: { push, bare },
      },
    ];
  },
};
