// Fault check of the cluster profile: one of the three Kafka brokers is killed (SIGKILL) while
// projects are registered through the balancer, so approval's outbox relays publish their
// approval.project-registered.v1 events with a broker gone. Both approval replicas' outbox relays
// share the rows (SKIP LOCKED). Every event written must be on Kafka exactly once, counted by
// event id (nothing lost, nothing doubled: the relay's producer is idempotent, ADR 0025), and
// applied exactly once by supervision.
// Run by deploy/cluster/test.sh against a running `npm run start:cluster`; it brings the broker back.
const fs = require('fs');
const path = require('path');
const jwt = require('jsonwebtoken');
const { Client: Pg } = require('pg');
const { Kafka, logLevel } = require('kafkajs');

const ROOT = path.join(__dirname, '../../..');
const APPROVAL = process.env.CLUSTER_APPROVAL_URL || 'http://127.0.0.1:4002';
// the replicas behind the balancer, each with its own relay and its own /metrics
const APPROVAL_REPLICAS = { 'approval-1': 'http://127.0.0.1:4102', 'approval-2': 'http://127.0.0.1:4202' };
const BROKERS = (process.env.CLUSTER_KAFKA_BROKERS || '127.0.0.1:19092,127.0.0.1:19093,127.0.0.1:19094').split(',');
const DATABASE_URL = process.env.CLUSTER_DATABASE_URL || 'postgres://cityworks:cityworks@127.0.0.1:5433/cityworks_cluster';
const VICTIM_PIDFILE = path.join(ROOT, '.local/cluster/run/kafka-2.pid');
const TOTAL = Number(process.env.FAULT_REQUESTS || 80);
const CONCURRENCY = 4;
const KILL_AFTER = Math.floor(TOTAL / 4);
const REGION = '210302';
const TYPE = 'approval.project-registered.v1';

const key = fs.readFileSync(path.join(ROOT, '.local/keys/jwt-private.pem'), 'utf8');
const auth = `Bearer ${jwt.sign({ sub: 'fault-test', dept: 'GGB', region: REGION, roles: ['reform-office'] }, key, { algorithm: 'RS256', issuer: 'cityworks', audience: 'cityworks', expiresIn: '1h' })}`;
const headers = { authorization: auth, 'content-type': 'application/json' };

function uscc() {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let body = '91' + REGION;
  while (body.length < 17) body += chars[Math.floor(Math.random() * 10)];
  const sum = [...body].reduce((s, c, i) => s + chars.indexOf(c) * weights[i], 0);
  return body + chars[(31 - (sum % 31)) % 31];
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const checks = [];
const check = (name, ok, detail) => {
  checks.push(ok);
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
};

/** outbox_events_published_total of each approval replica (a counter since the replica started). */
async function publishedPerReplica() {
  const out = {};
  for (const [name, base] of Object.entries(APPROVAL_REPLICAS)) {
    const text = await (await fetch(`${base}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith('outbox_events_published_total'));
    out[name] = line ? Number(line.split(' ').pop()) : 0;
  }
  return out;
}

async function main() {
  const publishedBefore = await publishedPerReplica();
  const victim = Number(fs.readFileSync(VICTIM_PIDFILE, 'utf8'));
  process.kill(victim, 0); // throws when kafka-2 is not running
  const prefix = `FAULTK-${Date.now().toString(36).toUpperCase()}-`;
  const codes = Array.from({ length: TOTAL }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);
  const statuses = [];
  let next = 0;
  let killedAt = null;
  const t0 = Date.now();
  const sender = async () => {
    while (next < codes.length) {
      const code = codes[next++];
      const body = { code, name: `故障测试项目 ${code}`, type: '社会投资简易低风险', regionCode: REGION, ownerUscc: uscc(), facts: {} };
      const res = await fetch(`${APPROVAL}/projects`, { method: 'POST', headers, body: JSON.stringify(body) }).catch((e) => ({ status: 0, e }));
      statuses.push(res.status);
      if (killedAt === null && statuses.filter((s) => s === 201).length >= KILL_AFTER) {
        killedAt = statuses.length;
        process.kill(victim, 'SIGKILL');
        console.log(`killed kafka-2 (pid ${victim}) after ${killedAt} registrations`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, sender));
  const acked = statuses.filter((s) => s === 201).length;
  console.log(`sent ${statuses.length} registrations in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${acked} acknowledged`);
  check('the kill happened mid-traffic', killedAt !== null && killedAt < TOTAL, `after ${killedAt} of ${TOTAL}`);

  // written: the outbox rows of this run; they must all get published with one broker down
  const pg = new Pg({ connectionString: DATABASE_URL });
  await pg.connect();
  const rowsOf = () =>
    pg.query(
      `SELECT id::text, published_at IS NOT NULL AS published FROM approval.outbox_events WHERE type = $1 AND envelope->'data'->>'projectCode' LIKE $2`,
      [TYPE, `${prefix}%`],
    );
  let rows = (await rowsOf()).rows;
  for (const deadline = Date.now() + 120_000; rows.some((r) => !r.published) && Date.now() < deadline; rows = (await rowsOf()).rows) await sleep(1000);
  const written = new Set(rows.map((r) => r.id));
  const publishedAfter = await publishedPerReplica();
  const byRelay = Object.keys(APPROVAL_REPLICAS).map((name) => `${name} ${publishedAfter[name] - publishedBefore[name]}`);
  // the counters also count other approval events of the moment (there are few): each relay's share, not an exact split
  check(
    'both relays published a share of the rows (SKIP LOCKED)',
    Object.keys(APPROVAL_REPLICAS).every((name) => publishedAfter[name] > publishedBefore[name]),
    `events published during the run: ${byRelay.join(', ')}`,
  );
  check('one event written per acknowledged registration', written.size === acked, `${written.size} written, ${acked} acknowledged`);
  check(
    'every event published with a broker down',
    rows.every((r) => r.published),
    `${rows.filter((r) => r.published).length} of ${rows.length}`,
  );

  // delivered: read approval.events from the start with a group of our own, counting each id
  const seen = new Map();
  const kafka = new Kafka({ clientId: 'cityworks-fault-check', brokers: BROKERS, logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `cityworks-fault-check-${prefix}` });
  await consumer.connect();
  await consumer.subscribe({ topics: ['approval.events'], fromBeginning: true });
  let lastNew = Date.now();
  await consumer.run({
    eachMessage: async ({ message }) => {
      const id = message.headers?.ce_id?.toString();
      if (id && written.has(id)) {
        seen.set(id, (seen.get(id) ?? 0) + 1);
        lastNew = Date.now();
      }
    },
  });
  // all seen, then 10 s more for any second copy
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; await sleep(500)) {
    if (seen.size === written.size && Date.now() - lastNew > 10_000) break;
  }
  await consumer.disconnect();
  const lost = [...written].filter((id) => !seen.has(id));
  const doubled = [...seen.values()].filter((n) => n > 1).length;
  const copies = [...seen.values()].reduce((a, n) => a + n, 0);
  check('nothing lost: every written event is on Kafka', lost.length === 0, `${seen.size} of ${written.size} ids`);
  check(
    'nothing doubled on Kafka: each event id once',
    doubled === 0 && copies === seen.size,
    `${copies} messages for ${seen.size} ids, ${doubled} ids more than once`,
  );

  // effects: supervision's consumer applies each event once (its inbox is keyed by event id)
  let applied = 0;
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; await sleep(1000)) {
    const r = await pg.query(`SELECT count(*)::int AS n FROM supervision.inbox_events WHERE event_id = ANY($1::text[]) AND processed_at IS NOT NULL`, [
      [...written],
    ]);
    applied = r.rows[0].n;
    if (applied >= written.size) break;
  }
  await pg.end();
  check('nothing doubled in effect: supervision applied every event once', applied === written.size, `${applied} of ${written.size}`);

  const failed = checks.filter((ok) => !ok).length;
  console.log(`counts: acknowledged ${acked}, written ${written.size}, delivered ${seen.size} ids in ${copies} messages, applied ${applied}`);
  console.log(`checks: ${checks.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  console.log('FAIL the check did not run to its end');
  process.exit(1);
});
