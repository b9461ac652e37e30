// End-to-end check of the cluster profile, through the balancer with the services' own APIs and
// tokens: a project is registered (项目赋码), its applications of every stage accepted (受理) and
// decided (审批决定) by their departments until the project closes after 竣工验收; each decision
// reaches supervision over the three-broker Kafka and opens one 审管联动 task with its workflow
// on the cluster's Temporal server; the supervising departments answer (监管结果反馈) and those
// workflows complete. Nothing is mocked and no clock is skipped, so the working-day deadlines
// are not reached here (the jest end-to-end suite covers them on Temporal's time-skipping server).
// Run by deploy/cluster/test.sh against a running `npm run start:cluster`.
const { Connection, Client } = require('@temporalio/client');
const { TEMPORAL, URLS, accept, call, check, decide, reformOffice, registerProject, run, supervisor, taskOf, waitFor } = require('./support');

const STAGES = ['立项用地规划许可', '工程建设许可', '施工许可', '竣工验收'];
const FACTS = { investmentWanYuan: 800, floorAreaSqm: 2400, needsWater: true, needsDrainage: false };

run(async () => {
  const t0 = Date.now();
  const health = {};
  for (const [name, base] of Object.entries(URLS)) {
    const res = await fetch(`${base}/health`).catch(() => undefined);
    health[name] = res ? `${res.status} ${(await res.json().catch(() => ({}))).status}` : 'no answer';
  }
  check(
    'every service healthy through the balancer',
    Object.values(health).every((h) => h === '200 ok'),
    JSON.stringify(health),
  );

  const code = `E2EC-${Date.now().toString(36).toUpperCase()}`;
  const project = await registerProject(code, '社会投资简易低风险', FACTS);
  const stageOf = async () => (await call('approval', 'GET', `/projects/${code}`, reformOffice())).stage;
  const required = async (stage) =>
    (
      await call('catalog', 'POST', '/stage-templates/required-items', reformOffice(), {
        projectType: project.type,
        regionCode: project.regionCode,
        stage,
        facts: FACTS,
      })
    ).items.map((i) => i.item);
  const decided = [];
  const acceptAndDecide = async (items) => {
    for (const item of items) {
      const application = await accept(project, item);
      await decide(application, item);
      decided.push({ application, item });
    }
  };
  const reached = [];
  for (const stage of STAGES) {
    await waitFor(`project ${code} to enter ${stage}`, async () => (await stageOf()) === stage, 60_000, 300);
    reached.push(stage);
    if (stage === '工程建设许可') await acceptAndDecide(await required('市政公用报装'));
    await acceptAndDecide(await required(stage));
  }
  const closed = await waitFor(
    `project ${code} to close`,
    async () => (await call('approval', 'GET', `/projects/${code}`, reformOffice())).status === 'closed',
    60_000,
    300,
  ).catch(() => false);
  check(
    'the project went through every stage and closed',
    reached.length === STAGES.length && closed,
    `${reached.join(' → ')}; ${decided.length} applications decided`,
  );

  // each decision: one 审管联动 task, opened by supervision's consumer from the Kafka event
  const tasks = [];
  for (const d of decided) tasks.push({ ...d, task: await taskOf(d.application.id, d.item.supervisingDepartmentCode).catch(() => undefined) });
  const opened = tasks.filter((t) => t.task);
  let once = 0;
  for (const t of opened)
    if (
      (await call('supervision', 'GET', `/supervision-tasks?applicationId=${t.application.id}`, supervisor(t.item.supervisingDepartmentCode))).items.length ===
      1
    )
      once++;
  check(
    'every decision opened one supervision task over Kafka',
    opened.length === decided.length && once === decided.length,
    `${opened.length} opened for ${decided.length} decisions, ${once} once`,
  );

  // the workflows on the cluster's Temporal, found by the ProjectCode search attribute
  const connection = await Connection.connect({ address: TEMPORAL });
  const client = new Client({ connection, namespace: 'default' });
  const workflows = async () => {
    const out = {};
    for await (const w of client.workflow.list({ query: `ProjectCode = '${code}'` })) {
      const k = `${w.type} ${w.status.name}`;
      out[k] = (out[k] ?? 0) + 1;
    }
    return out;
  };
  const before = await waitFor(
    'the project, application and supervision workflows to be visible',
    async () => {
      const w = await workflows();
      return (w['supervisionTaskWorkflow RUNNING'] ?? 0) === opened.length && (w['applicationWorkflow COMPLETED'] ?? 0) === decided.length ? w : undefined;
    },
    60_000,
    1000,
  ).catch(workflows);
  check(
    'project and application workflows completed, supervision task workflows running',
    before['projectLifecycleWorkflow COMPLETED'] === 1 &&
      before['applicationWorkflow COMPLETED'] === decided.length &&
      before['supervisionTaskWorkflow RUNNING'] === opened.length,
    JSON.stringify(before),
  );

  // 监管结果反馈 by each supervising department closes its task and completes its workflow
  for (const t of opened)
    await call('supervision', 'POST', `/supervision-tasks/${t.task.id}/feedback`, supervisor(t.item.supervisingDepartmentCode), {
      outcome: '已现场核查，符合审批条件',
    });
  const after = await waitFor(
    'the supervision task workflows to complete',
    async () => {
      const w = await workflows();
      return (w['supervisionTaskWorkflow COMPLETED'] ?? 0) === opened.length ? w : undefined;
    },
    60_000,
    1000,
  ).catch(workflows);
  let closedTasks = 0;
  for (const t of opened)
    if ((await call('supervision', 'GET', `/supervision-tasks/${t.task.id}`, supervisor(t.item.supervisingDepartmentCode))).status === 'closed') closedTasks++;
  check(
    'feedback closed every task and completed its workflow',
    closedTasks === opened.length && after['supervisionTaskWorkflow COMPLETED'] === opened.length,
    `${closedTasks} tasks closed; ${JSON.stringify(after)}`,
  );
  console.log(
    `counts: stages ${reached.length}, applications decided ${decided.length}, supervision tasks ${opened.length}, closed ${closedTasks}, in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  await connection.close();
});
