// The desks' calls the figures need: register a project, accept its applications, decide them —
// through the HTTP APIs, as scripts/demo.js does.
const { urls, token, randomUscc } = require('./stack');

const REGION = '210302';
// A desk is one user: the services throttle per user (RATE_LIMIT_PER_MINUTE), so a figure that
// offers more than that spreads its calls over numbered desks, as a city's many clerks would.
const deskUser = (department, desk) => (desk === undefined ? undefined : `bench-${department}-${desk}`);
const reformOffice = (desk) => token('GGB', ['reform-office'], REGION, deskUser('GGB', desk));
const officer = (department, desk) => token(department, ['approval-officer'], REGION, deskUser(department, desk));

/**
 * One call of a desk. A connection that fails before any answer (undici's "fetch failed": a kept-alive
 * socket the server closed as the request went out, or a reset under load) is tried again twice; a
 * registration tried again that answers 409 had gone through the first time.
 */
async function call(base, method, url, auth, body, attempt = 1) {
  let res;
  try {
    res = await fetch(base + url, {
      method,
      headers: { authorization: `Bearer ${auth}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    if (attempt < 3) {
      await sleep(200 * attempt);
      return call(base, method, url, auth, body, attempt + 1);
    }
    throw new Error(`${method} ${url} failed ${attempt} times: ${e.message} (${e.cause?.code ?? e.cause?.message ?? 'no cause'})`);
  }
  const text = await res.text();
  if (attempt > 1 && res.status === 409) return null;
  if (!res.ok) throw new Error(`${method} ${url} answered ${res.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A 社会投资简易低风险 project registered and in its first stage; its first stage's items. */
async function projectInFirstStage(tag) {
  const project = {
    code: `BENCH-${tag}-${Date.now().toString(36).toUpperCase()}-${Math.floor(Math.random() * 1e4)}`,
    name: '基准测试仓储用房',
    type: '社会投资简易低风险',
    regionCode: REGION,
    ownerUscc: randomUscc(REGION),
    facts: { investmentWanYuan: 800, floorAreaSqm: 2400, needsWater: true, needsDrainage: false },
  };
  await call(urls.approval, 'POST', '/projects', reformOffice(), project);
  let stage = null;
  for (let i = 0; i < 150 && !stage; i++) {
    stage = (await call(urls.approval, 'GET', `/projects/${project.code}`, reformOffice())).stage;
    if (!stage) await sleep(100);
  }
  if (!stage) throw new Error(`project ${project.code} got no stage in 15 s — is the workflow worker running (npm run status)?`);
  const { items } = await call(urls.catalog, 'POST', '/stage-templates/required-items', reformOffice(), {
    projectType: project.type,
    regionCode: REGION,
    stage,
    facts: project.facts,
  });
  return { project, items: items.map((i) => i.item) };
}

async function accept(project, item, desk) {
  return call(urls.approval, 'POST', '/applications', officer(item.departmentCode, desk), {
    projectCode: project.code,
    itemCode: item.code,
    departmentCode: item.departmentCode,
    regionCode: REGION,
    ownerUscc: project.ownerUscc,
    onCommitment: false,
  });
}

async function decide(application, item) {
  return call(urls.approval, 'POST', `/applications/${application.id}/decision`, officer(item.departmentCode), { decision: 'approved' });
}

module.exports = { REGION, call, sleep, reformOffice, officer, projectInFirstStage, accept, decide };
