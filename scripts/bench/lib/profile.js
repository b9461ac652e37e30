// Which running system the bench measures: `npm start`'s single-node dev stack (the default) or
// `npm run start:cluster`'s cluster profile (BENCH_PROFILE=cluster): the services behind nginx,
// the Temporal server on PostgreSQL, three Kafka brokers, two replicas of each service and of the
// workflow worker. URLs and addresses can still be set one by one (CATALOG_URL, TEMPORAL_ADDRESS…).
const path = require('path');

const ROOT = path.join(__dirname, '..', '..', '..');
const STATE = process.env.CITYWORKS_STATE_DIR || path.join(ROOT, '.local');
const SERVICES = ['catalog', 'approval', 'supervision', 'credit', 'complaints'];
const name = process.env.BENCH_PROFILE || 'dev';

const profiles = {
  dev: {
    ports: { catalog: 3001, approval: 3002, supervision: 3003, credit: 3004, complaints: 3005 },
    temporalAddress: '127.0.0.1:7233',
    kafkaBrokers: '127.0.0.1:9092',
    // each component: the pid files of its root processes (their descendants are counted too)
    pidFiles: {
      // each service apart, so a figure can say which one the time went to
      ...Object.fromEntries(SERVICES.map((s) => [s, [path.join(STATE, 'run', `${s}.pid`)]])),
      'workflow worker': [path.join(STATE, 'run', 'workflows.pid')],
      temporal: [path.join(STATE, 'run', 'temporal.pid')],
      kafka: [path.join(STATE, 'run', 'kafka.pid')],
    },
    /** where a service's replicas answer /metrics (one, the service itself) */
    replicas: (service, url) => [url],
  },
  cluster: {
    ports: { catalog: 4001, approval: 4002, supervision: 4003, credit: 4004, complaints: 4005 },
    temporalAddress: '127.0.0.1:17233',
    kafkaBrokers: '127.0.0.1:19092,127.0.0.1:19093,127.0.0.1:19094',
    pidFiles: {
      ...Object.fromEntries(SERVICES.map((s) => [s, [1, 2].map((r) => path.join(STATE, 'cluster', 'run', `${s}-${r}.pid`))])),
      'workflow worker': [1, 2].map((r) => path.join(STATE, 'cluster', 'run', `workflows-${r}.pid`)),
      temporal: [path.join(STATE, 'cluster', 'run', 'temporal-server.pid')],
      kafka: [1, 2, 3].map((n) => path.join(STATE, 'cluster', 'run', `kafka-${n}.pid`)),
    },
    // the balancer's port p fronts replicas on 4100 + (p - 4000) and 4200 + (p - 4000) (deploy/cluster)
    replicas: (service, url) => {
      const port = Number(new URL(url).port);
      return [1, 2].map((r) => `http://127.0.0.1:${4000 + r * 100 + (port - 4000)}`);
    },
  },
};
if (!profiles[name]) throw new Error(`BENCH_PROFILE=${name}: known profiles are ${Object.keys(profiles).join(', ')}`);
const profile = profiles[name];

const urls = Object.fromEntries(SERVICES.map((s) => [s, process.env[`${s.toUpperCase()}_URL`] || `http://127.0.0.1:${profile.ports[s]}`]));

module.exports = {
  ROOT,
  STATE,
  profileName: name,
  urls,
  temporalAddress: process.env.TEMPORAL_ADDRESS || profile.temporalAddress,
  temporalNamespace: process.env.TEMPORAL_NAMESPACE || 'default',
  kafkaBrokers: (process.env.KAFKA_BROKERS || profile.kafkaBrokers).split(','),
  pidFiles: { ...profile.pidFiles, postgres: [path.join(STATE, 'pg', 'data', 'postmaster.pid')] },
  replicasOf: (service) => profile.replicas(service, urls[service]),
};
