#!/usr/bin/env node
// `npm run demo`: sample projects on the running system (npm start first), driven through the
// HTTP APIs as the desks would — registered (项目赋码), their applications accepted in parallel
// stage by stage, decided — so their workflows show in the Temporal UI (http://127.0.0.1:8233).
// One project goes all the way to 竣工验收, one stops in 施工许可, one waits in 立项 with a
// clock stopped for 补正材料. Applications whose item allows it are made on commitment (告知承诺):
// the first project's commitments are verified as kept (守信), the second's are left to verify, so
// their commitment workflows wait and climb the escalation ladder. Run it again for more; each run
// uses new project codes.
const fs = require('fs');
const path = require('path');
const jwt = require('jsonwebtoken');

const CATALOG = process.env.CATALOG_URL || 'http://127.0.0.1:3001';
const APPROVAL = process.env.APPROVAL_URL || 'http://127.0.0.1:3002';
const SUPERVISION = process.env.SUPERVISION_URL || 'http://127.0.0.1:3003';
// the cluster profile's UI is on another port (npm run start:cluster)
const TEMPORAL_UI = process.env.TEMPORAL_UI_URL || 'http://127.0.0.1:8233';
const REGION = '210302'; // 铁东区 of the demo city 鞍山市
const STAGES = ['立项用地规划许可', '工程建设许可', '施工许可', '竣工验收'];
const keyFile = process.env.JWT_PRIVATE_KEY_FILE || path.join(__dirname, '..', '.local/keys/jwt-private.pem');

function token(department, roles) {
  const key = fs.readFileSync(keyFile, 'utf8');
  return jwt.sign({ sub: `demo-${department}`, dept: department, region: REGION, roles }, key, {
    algorithm: 'RS256',
    issuer: 'cityworks',
    audience: 'cityworks',
    expiresIn: '1h',
  });
}
const reformOffice = () => token('GGB', ['reform-office']);
const officer = (department) => token(department, ['approval-officer']);
const supervisor = (department) => token(department, ['supervision-officer']);

async function call(base, method, url, auth, body) {
  const res = await fetch(base + url, {
    method,
    headers: { authorization: `Bearer ${auth}`, 'content-type': 'application/json', 'x-correlation-id': `demo-${Date.now()}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const json = text ? JSON.parse(text) : null;
  if (!res.ok) throw new Error(`${method} ${url} answered ${res.status}: ${text}`);
  return json;
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const say = (line) => console.log(line);

/** A valid 统一社会信用代码 (GB 32100 check character), different every run. */
function uscc() {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let body = '91' + REGION;
  while (body.length < 17) body += chars[Math.floor(Math.random() * 10)];
  const sum = [...body].reduce((s, c, i) => s + chars.indexOf(c) * weights[i], 0);
  return body + chars[(31 - (sum % 31)) % 31];
}

async function waitForStage(code, stage) {
  for (let i = 0; i < 150; i++) {
    const p = await call(APPROVAL, 'GET', `/projects/${code}`, reformOffice());
    if (p.stage === stage || p.status === 'closed') return p;
    await sleep(200);
  }
  throw new Error(`project ${code} did not reach ${stage} in 30 s — is the workflow worker running (npm run status)?`);
}

async function requiredItems(project, stage) {
  const r = await call(CATALOG, 'POST', '/stage-templates/required-items', reformOffice(), {
    projectType: project.type,
    regionCode: REGION,
    stage,
    facts: project.facts,
  });
  return r.items.map((i) => i.item);
}

async function acceptAll(project, items) {
  const ids = [];
  for (const item of items) {
    const onCommitment = !!item.commitmentAllowed;
    const a = await call(APPROVAL, 'POST', '/applications', officer(item.departmentCode), {
      projectCode: project.code,
      itemCode: item.code,
      departmentCode: item.departmentCode,
      regionCode: REGION,
      ownerUscc: project.ownerUscc,
      onCommitment,
    });
    if (onCommitment) project.onCommitment.push({ id: a.id, item });
    say(
      `    受理 ${item.code} ${item.name} by ${item.departmentCode}${onCommitment ? ' on commitment (告知承诺)' : ''}: due ${a.timing?.dueAt} (${item.timeLimitWorkingDays} working days)`,
    );
    ids.push({ id: a.id, item });
  }
  return ids;
}

async function decideAll(applications) {
  for (const { id, item } of applications) {
    await call(APPROVAL, 'POST', `/applications/${id}/decision`, officer(item.departmentCode), { decision: 'approved' });
    say(`    审批决定 ${item.code}: approved → pushed to ${item.supervisingDepartmentCode}`);
  }
}

async function drive(spec) {
  const project = {
    code: `DEMO-${spec.tag}-${Date.now().toString(36).toUpperCase()}`,
    name: spec.name,
    type: spec.type,
    regionCode: REGION,
    ownerUscc: uscc(),
    facts: spec.facts,
    onCommitment: [],
  };
  const { onCommitment: _, ...registration } = project;
  await call(APPROVAL, 'POST', '/projects', reformOffice(), registration);
  say(`\n${project.code} ${project.name} (${project.type}) registered — workflow project-${project.code}`);
  for (const [i, stage] of STAGES.entries()) {
    if (i >= spec.stages) break;
    await waitForStage(project.code, stage);
    say(`  ${stage}`);
    if (stage === '工程建设许可') {
      const utilities = await requiredItems(project, '市政公用报装');
      if (utilities.length) {
        say('  市政公用报装 (alongside)');
        await decideAll(await acceptAll(project, utilities));
      }
    }
    const applications = await acceptAll(project, await requiredItems(project, stage));
    if (i === spec.stages - 1 && spec.leaveOpen) {
      const [first] = applications;
      await call(APPROVAL, 'POST', `/applications/${first.id}/clock-stops`, officer(first.item.departmentCode), { reason: '补正材料', note: '一次性告知补正' });
      say(`    暂停计时 ${first.item.code}: 补正材料 (the clock is stopped; the others run)`);
      say(`  left open in ${stage}`);
      return project;
    }
    await decideAll(applications);
  }
  if (spec.stages === STAGES.length) {
    const closed = await waitForStage(project.code, '__closed__').catch(() => null);
    say(closed?.status === 'closed' ? '  竣工验收 done: project closed' : '  waiting for the workflow to close the project');
  }
  if (spec.verifyCommitments) await verifyCommitments(project);
  return project;
}

/** 告知承诺核查: the supervising department finds each commitment kept (守信); credit grades the owner A. */
async function verifyCommitments(project) {
  for (const { id, item } of project.onCommitment) {
    const auth = supervisor(item.supervisingDepartmentCode);
    let commitment;
    for (let i = 0; i < 100 && !commitment; i++) {
      commitment = (await call(SUPERVISION, 'GET', `/commitments?applicationId=${id}`, auth)).items[0];
      if (!commitment) await sleep(200);
    }
    if (!commitment) throw new Error(`no commitment opened for application ${id} in 20 s — is Kafka delivering (npm run status)?`);
    await call(SUPERVISION, 'POST', `/commitments/${commitment.id}/checks`, auth, {
      outcome: 'fulfilled',
      findings: '现场核查，承诺内容属实',
      evidence: [{ kind: '检查记录', reference: `DEMO-核查-${commitment.id.slice(0, 8)}` }],
      inspectedAt: new Date().toISOString(),
    });
    say(`  告知承诺核查 ${item.code}: kept (守信) — workflow ${commitment.workflowId}`);
  }
}

async function main() {
  for (const [name, base] of Object.entries({ catalog: CATALOG, approval: APPROVAL, supervision: SUPERVISION })) {
    const res = await fetch(`${base}/health`).catch(() => null);
    if (!res?.ok) throw new Error(`${name} is not answering at ${base}/health — run npm start first`);
  }
  const projects = [
    {
      tag: 'JYDFX',
      name: '铁东区仓储用房新建工程',
      type: '社会投资简易低风险',
      facts: { investmentWanYuan: 800, floorAreaSqm: 2400, needsWater: true, needsDrainage: false },
      stages: 4,
      verifyCommitments: true,
    },
    {
      tag: 'ZFTZ',
      name: '铁东区第一中学教学楼新建工程',
      type: '政府投资房屋建筑',
      facts: {
        investmentWanYuan: 12000,
        floorAreaSqm: 12000,
        landAreaSqm: 3000,
        annualEnergyTce: 100,
        newLand: false,
        environmentalImpact: '豁免',
        inCulturalRelicsArea: false,
        fellsTrees: false,
        occupiesRoad: false,
        specialConstruction: true,
        needsWater: true,
        needsDrainage: false,
        needsPower: true,
        needsGas: false,
        needsHeating: false,
      },
      stages: 3,
      leaveOpen: true,
    },
    {
      tag: 'SHTZ',
      name: '铁东区商业综合体项目',
      type: '社会投资房屋建筑',
      facts: { investmentWanYuan: 50000, floorAreaSqm: 80000, landAreaSqm: 20000, newLand: true, inApprovalCatalog: false, environmentalImpact: '报告表' },
      stages: 1,
      leaveOpen: true,
    },
  ];
  const done = [];
  for (const spec of projects) done.push(await drive(spec));
  say(`\nIn the Temporal UI (${TEMPORAL_UI}, namespace default), for example:`);
  say(`  ProjectCode = '${done[0].code}'                      the project and its applications`);
  say(`  WorkflowType = 'projectLifecycleWorkflow' AND Stage = '施工许可'`);
  say(`  ObligationKind = 'application' AND ExecutionStatus = 'Running'`);
  say(`  RegionCode = '${REGION}' AND Overdue = true`);
  say(`  ObligationKind = 'commitment-verification' AND ExecutionStatus = 'Running'   commitments still to verify`);
}

main().catch((e) => {
  console.error(`demo stopped: ${e.message}`);
  process.exit(1);
});
