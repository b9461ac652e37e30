// What the cluster checks of deploy/cluster/test.sh share: the balancer's addresses, tokens signed
// with the dev key (as `npm run token` mints them), HTTP calls, the PASS/FAIL lines test.sh counts,
// and the steps of a project through the APIs (项目赋码, 受理, 审批决定, the supervision task).
const fs = require('fs');
const path = require('path');
const jwt = require('jsonwebtoken');

const ROOT = path.join(__dirname, '../../..');
const URLS = {
  catalog: process.env.CLUSTER_CATALOG_URL || 'http://127.0.0.1:4001',
  approval: process.env.CLUSTER_APPROVAL_URL || 'http://127.0.0.1:4002',
  supervision: process.env.CLUSTER_SUPERVISION_URL || 'http://127.0.0.1:4003',
  credit: process.env.CLUSTER_CREDIT_URL || 'http://127.0.0.1:4004',
  complaints: process.env.CLUSTER_COMPLAINTS_URL || 'http://127.0.0.1:4005',
};
const TEMPORAL = process.env.CLUSTER_TEMPORAL_ADDRESS || '127.0.0.1:17233';
const DATABASE_URL = process.env.CLUSTER_DATABASE_URL || 'postgres://cityworks:cityworks@127.0.0.1:5433/cityworks_cluster';
const REGION = '210302'; // 铁东区 of the demo city

const key = fs.readFileSync(path.join(ROOT, '.local/keys/jwt-private.pem'), 'utf8');
function token(department, roles) {
  const signed = jwt.sign({ sub: `cluster-check-${department}`, dept: department, region: REGION, roles }, key, {
    algorithm: 'RS256',
    issuer: 'cityworks',
    audience: 'cityworks',
    expiresIn: '1h',
  });
  return `Bearer ${signed}`;
}
const reformOffice = () => token('GGB', ['reform-office']);
const officer = (department) => token(department, ['approval-officer']);
const supervisor = (department) => token(department, ['supervision-officer']);

async function call(service, method, url, auth, body) {
  const res = await fetch(URLS[service] + url, {
    method,
    headers: { authorization: auth, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${service}${url} answered ${res.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls until fn answers something truthy; throws after timeoutMs. */
async function waitFor(what, fn, timeoutMs = 60_000, intervalMs = 500) {
  for (const deadline = Date.now() + timeoutMs; ; await sleep(intervalMs)) {
    const value = await fn().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
  }
}

const checks = [];
function check(name, ok, detail) {
  checks.push(ok);
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
}
function finish() {
  const failed = checks.filter((ok) => !ok).length;
  console.log(`checks: ${checks.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
function run(main) {
  main()
    .then(finish)
    .catch((e) => {
      console.error(e);
      console.log('FAIL the check did not run to its end');
      process.exit(1);
    });
}

/** A valid 统一社会信用代码 (GB 32100 check character). */
function uscc() {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let body = '91' + REGION;
  while (body.length < 17) body += chars[Math.floor(Math.random() * 10)];
  const sum = [...body].reduce((s, c, i) => s + chars.indexOf(c) * weights[i], 0);
  return body + chars[(31 - (sum % 31)) % 31];
}

/** 项目赋码 through the balancer; answers the registration. */
async function registerProject(code, type = '社会投资简易低风险', facts = {}) {
  const project = { code, name: `集群检查项目 ${code}`, type, regionCode: REGION, ownerUscc: uscc(), facts };
  await call('approval', 'POST', '/projects', reformOffice(), project);
  return project;
}

/** 受理 of one item for a project, by the item's department. */
function accept(project, item) {
  return call('approval', 'POST', '/applications', officer(item.departmentCode), {
    projectCode: project.code,
    itemCode: item.code,
    departmentCode: item.departmentCode,
    regionCode: REGION,
    ownerUscc: project.ownerUscc,
    onCommitment: false,
  });
}

const decide = (application, item) =>
  call('approval', 'POST', `/applications/${application.id}/decision`, officer(item.departmentCode), { decision: 'approved' });

/** The 审管联动 task supervision opened for a decided application (it comes over Kafka). */
const taskOf = (applicationId, supervisingDepartmentCode, timeoutMs = 60_000) =>
  waitFor(
    `the supervision task of application ${applicationId}`,
    async () => (await call('supervision', 'GET', `/supervision-tasks?applicationId=${applicationId}`, supervisor(supervisingDepartmentCode))).items?.[0],
    timeoutMs,
  );

/** Milliseconds of a protobuf Timestamp or Duration ({ seconds: Long, nanos }). */
const protoMs = (t) => (t ? Number(t.seconds ?? 0) * 1000 + Math.floor((t.nanos ?? 0) / 1e6) : undefined);

module.exports = {
  ROOT,
  URLS,
  TEMPORAL,
  DATABASE_URL,
  REGION,
  token,
  reformOffice,
  officer,
  supervisor,
  call,
  sleep,
  waitFor,
  check,
  run,
  uscc,
  registerProject,
  accept,
  decide,
  taskOf,
  protoMs,
};
