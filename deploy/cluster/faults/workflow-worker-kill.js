// Fault check of the cluster profile: one of the two workflow worker replicas is killed
// (SIGKILL) while projects are registered, once it has worked on some project workflows, so they
// have their cached state on the dead worker. The other replica must take them over: every
// acknowledged project's workflow completes its workflow tasks and answers its query.
// Run by deploy/cluster/test.sh against a running `npm run start:cluster`; it restarts the worker.
const fs = require('fs');
const path = require('path');
const jwt = require('jsonwebtoken');
const { Connection, Client } = require('@temporalio/client');

const ROOT = path.join(__dirname, '../../..');
const APPROVAL = process.env.CLUSTER_APPROVAL_URL || 'http://127.0.0.1:4002';
const TEMPORAL = process.env.CLUSTER_TEMPORAL_ADDRESS || '127.0.0.1:17233';
const VICTIM_PIDFILE = path.join(ROOT, '.local/cluster/run/workflows-2.pid');
const TOTAL = Number(process.env.FAULT_REQUESTS || 40);
const CONCURRENCY = 4;
const KILL_AFTER = Math.floor(TOTAL / 4);
const REGION = '210302';

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

/** Workflow task completions of a project's workflow, by the identity of the worker that completed each. */
async function completedBy(client, code) {
  const history = await client.workflow.getHandle(`project-${code}`).fetchHistory();
  return history.events.filter((e) => e.workflowTaskCompletedEventAttributes).map((e) => e.workflowTaskCompletedEventAttributes.identity ?? '');
}

async function main() {
  const victim = Number(fs.readFileSync(VICTIM_PIDFILE, 'utf8'));
  process.kill(victim, 0); // throws when workflows-2 is not running
  const byVictim = (identity) => identity.startsWith(`${victim}@`);
  const connection = await Connection.connect({ address: TEMPORAL });
  const client = new Client({ connection, namespace: 'default' });
  const prefix = `FAULTW-${Date.now().toString(36).toUpperCase()}-`;
  const codes = Array.from({ length: TOTAL }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);
  const acked = [];
  let answered = 0;
  let next = 0;
  let killedAt = null;
  let killWhen = () => false;
  const sender = (upTo) => async () => {
    while (next < upTo) {
      const code = codes[next++];
      const body = { code, name: `故障测试项目 ${code}`, type: '社会投资简易低风险', regionCode: REGION, ownerUscc: uscc(), facts: {} };
      const res = await fetch(`${APPROVAL}/projects`, { method: 'POST', headers, body: JSON.stringify(body) }).catch(() => ({ status: 0 }));
      answered++;
      if (res.status === 201) acked.push(code);
      if (killedAt === null && killWhen()) {
        killedAt = answered;
        process.kill(victim, 'SIGKILL');
        console.log(`killed workflows-2 (pid ${victim}) after ${killedAt} registrations`);
      }
    }
  };
  // first a quarter, until workflows-2 has done work on one of them (both replicas poll one queue)
  await Promise.all(Array.from({ length: CONCURRENCY }, sender(KILL_AFTER)));
  let victimWorked = 0;
  for (const deadline = Date.now() + 20_000; victimWorked === 0 && Date.now() < deadline; await sleep(500)) {
    for (const code of acked) if ((await completedBy(client, code).catch(() => [])).some(byVictim)) victimWorked++;
  }
  console.log(`workflows-2 had completed workflow tasks of ${victimWorked} of the first ${acked.length} projects`);
  // then the rest, workflows-2 killed on the first answer
  killWhen = () => true;
  await Promise.all(Array.from({ length: CONCURRENCY }, sender(TOTAL)));
  console.log(`sent ${answered} registrations: ${acked.length} acknowledged`);
  check('the kill happened mid-traffic', killedAt !== null && killedAt < TOTAL, `after ${killedAt} of ${TOTAL}`);

  // A signal no handler takes (the workflow buffers it, nothing changes) gives every workflow one
  // more task after the kill, so each that workflows-2 worked on must be taken up by the other.
  for (const code of acked)
    await client.workflow
      .getHandle(`project-${code}`)
      .signal('faultCheckNudge')
      .catch(() => undefined);

  // A query is answered only by a live workflow worker; no pending workflow task means the
  // workflow's tasks were all completed, by the surviving replica for those the dead one held.
  const pending = new Set(acked);
  const t0 = Date.now();
  while (pending.size && Date.now() - t0 < 180_000) {
    for (const code of [...pending]) {
      try {
        const handle = client.workflow.getHandle(`project-${code}`);
        const d = await handle.describe();
        if (d.raw.pendingWorkflowTask) continue;
        await handle.query('projectLifecycleState');
        pending.delete(code);
      } catch {
        // not started, or its task not taken over yet
      }
    }
    if (pending.size) await sleep(2000);
  }
  // taken over: a workflow task completed by the killed replica, later ones by the other
  let takenOver = 0;
  for (const code of acked) {
    const by = await completedBy(client, code);
    const last = by.map(byVictim).lastIndexOf(true);
    if (last >= 0 && last < by.length - 1) takenOver++;
  }
  await connection.close();
  const done = acked.length - pending.size;
  check('the kill left workflows behind that the other replica took over', takenOver > 0, `${takenOver} workflows`);
  check(
    'every acknowledged project workflow ran on and answers its query with one worker left',
    pending.size === 0,
    `${done} of ${acked.length} within ${((Date.now() - t0) / 1000).toFixed(1)} s${pending.size ? `, stuck: ${[...pending].join(' ')}` : ''}`,
  );

  const failed = checks.filter((ok) => !ok).length;
  console.log(`counts: acknowledged ${acked.length}, workflows running on ${done}, taken over from the killed replica ${takenOver}`);
  console.log(`checks: ${checks.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  console.log('FAIL the check did not run to its end');
  process.exit(1);
});
