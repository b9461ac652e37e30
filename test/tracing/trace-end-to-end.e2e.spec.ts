import * as path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Roles } from '@cityworks/contracts';
import { bearer, isolateKafkaConsumers, reformOffice, startServiceApp, waitFor } from '@cityworks/testing';
import { AppModule as CatalogApp } from '../../services/catalog/src/app.module';
import { DemoLoaderService } from '../../services/catalog/src/demo/demo-loader.service';
import { AppModule as ApprovalApp } from '../../services/approval/src/app.module';
import { seedApprovalItem } from '../../services/approval/testing/catalog-items.fixture';
import { acceptApplicationRequest } from '../../services/approval/testing/accept-application.fixture';
import { registerProjectRequest } from '../../services/approval/testing/projects.fixture';
import { RunningZipkin, startZipkin, ZipkinSpan } from './support/zipkin-server';
import { freePort, logDir, startTraced, stopTraced, TracedProcess, waitHealthy } from './support/traced-processes';

/**
 * One decision, one trace (ADR 0024): approval's HTTP request writes the decision and its outbox
 * row → the relay publishes it to Kafka under the request's trace → supervision's consumer
 * continues it, opens a task and writes a workflow command → the relay starts the workflow with
 * the trace in Temporal headers → the workflow schedules an activity → the catalog runs it. The
 * services and the workflow worker run as real processes from dist/ with the tracing preload,
 * against the real Postgres, Kafka and Temporal dev server, and send their spans to a real Zipkin,
 * which the test then asks for the trace.
 */
const approver = bearer({ userId: 'spj-1', departmentCode: 'AS-XZSPJ', roles: [Roles.approvalOfficer] });
const supervisor = bearer({ userId: 'zjj-1', departmentCode: 'AS-ZJJ', roles: [Roles.supervisionOfficer] });

/** the background parts of a service, off while the test seeds through the in-process apps */
const BACKGROUND = ['OUTBOX_RELAY_ENABLED', 'EVENT_CONSUMER_ENABLED', 'TEMPORAL_WORKER_ENABLED', 'WORKFLOW_COMMAND_RELAY_ENABLED'];

async function call(url: string, method: string, token: string, body?: unknown, headers: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const res = await fetch(url, {
    method,
    headers: { authorization: token, 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url} answered ${res.status}: ${text}`);
  return text ? JSON.parse(text) : {};
}

/**
 * The catalog's demo city (the workflow's activity reads its approval item) and approval's
 * catalog copy of 施工许可, written through the apps in this process with their relays,
 * consumers and workers off; the traced processes then find them in the test database.
 */
async function seedCatalogAndApprovalCopy(): Promise<void> {
  for (const name of BACKGROUND) process.env[name] = 'false';
  try {
    const catalog = await startServiceApp(CatalogApp);
    await catalog.get(DemoLoaderService).load('tracing');
    await catalog.close();
    const approval = await startServiceApp(ApprovalApp);
    await seedApprovalItem(approval, { code: 'JS-SGXK-001' });
    await approval.close();
  } finally {
    for (const name of BACKGROUND) delete process.env[name];
  }
}

/** Waits until supervision's consumer group has joined, so it reads the decision published next. */
async function waitForConsumerGroup(groupId: string): Promise<void> {
  const admin = new Kafka({ clientId: 'tracing-e2e', brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    await waitFor(
      `consumer group ${groupId} to be stable`,
      async () => {
        const { groups } = await admin.describeGroups([groupId]);
        return groups[0]?.state === 'Stable';
      },
      { timeoutMs: 120_000, intervalMs: 500 },
    );
  } finally {
    await admin.disconnect();
  }
}

const service = (span: ZipkinSpan) => span.localEndpoint?.serviceName ?? '';
const named = (spans: ZipkinSpan[], serviceName: string, name: string, kind?: ZipkinSpan['kind']) =>
  spans.filter((s) => service(s) === serviceName && s.name === name.toLowerCase() && (kind === undefined || s.kind === kind));

describe('one trace from approval through Kafka and supervision into Temporal (Zipkin)', () => {
  let zipkin: RunningZipkin;
  const processes: TracedProcess[] = [];
  let approvalUrl: string;
  let supervisionUrl: string;

  beforeAll(async () => {
    const suffix = isolateKafkaConsumers();
    await seedCatalogAndApprovalCopy();
    zipkin = await startZipkin(await freePort(), path.join(logDir, 'zipkin.log'));
    const env = { TRACING: 'zipkin', ZIPKIN_URL: zipkin.spansUrl, KAFKA_CONSUMER_GROUP_SUFFIX: suffix, KAFKA_CONSUMER_FROM_BEGINNING: 'false' };
    const services: TracedProcess[] = [];
    for (const name of ['catalog', 'approval', 'supervision']) services.push(startTraced(name, env, await freePort()));
    processes.push(...services, startTraced('workflows', env));
    await Promise.all(services.map(waitHealthy));
    [approvalUrl, supervisionUrl] = [services[1].url!, services[2].url!];
    await waitForConsumerGroup(`cityworks-supervision${suffix}`);
  }, 400_000);

  afterAll(async () => {
    await Promise.all(processes.map(stopTraced));
    await zipkin?.stop();
  });

  it('puts the decision, its Kafka hop, the supervision task and its workflow and activity in one trace', async () => {
    const projectCode = `TRACE-${Date.now()}`;
    await call(`${approvalUrl}/projects`, 'POST', reformOffice(), registerProjectRequest(projectCode));
    const application = await call(`${approvalUrl}/applications`, 'POST', approver, acceptApplicationRequest(projectCode));
    const applicationId = application.id as string;

    const correlationId = `trace-e2e-${Date.now()}`;
    await call(`${approvalUrl}/applications/${applicationId}/decision`, 'POST', approver, { decision: 'approved' }, { 'x-correlation-id': correlationId });

    const task = await waitFor(
      'the supervision task to open',
      async () => ((await call(`${supervisionUrl}/supervision-tasks?applicationId=${applicationId}`, 'GET', supervisor)).items as { id: string }[])[0],
      { timeoutMs: 120_000, intervalMs: 250 },
    );
    // feedback ends the workflow, and with it the workflow's own span (a span is sent when it ends)
    await call(`${supervisionUrl}/supervision-tasks/${task.id}/feedback`, 'POST', supervisor, { outcome: '已现场核查' });

    const wanted = (spans: ZipkinSpan[]) => ({
      decisionRequest: spans.filter((s) => service(s) === 'approval' && s.kind === 'SERVER' && (s.name ?? '').startsWith('post')),
      publish: named(spans, 'approval', 'publish approval.decided.v1', 'PRODUCER'),
      kafkaConsume: spans.filter((s) => service(s) === 'supervision' && s.kind === 'CONSUMER' && s.tags?.['messaging.system'] === 'kafka'),
      consume: named(spans, 'supervision', 'consume approval.decided.v1'),
      commandStart: named(spans, 'supervision', 'workflow-command start supervisionTaskWorkflow'),
      startWorkflow: named(spans, 'supervision', 'StartWorkflow:supervisionTaskWorkflow'),
      runWorkflow: named(spans, 'workflows', 'RunWorkflow:supervisionTaskWorkflow'),
      startActivity: named(spans, 'workflows', 'StartActivity:getApprovalItem'),
      runActivity: named(spans, 'catalog', 'RunActivity:getApprovalItem'),
    });
    // spans reach Zipkin in batches, once a second from each of five processes
    const trace = await waitFor(
      'one trace holding every hop',
      async () => {
        const traces = await zipkin.tracesTagged('cityworks.correlation_id', correlationId);
        return traces.find((spans) => Object.values(wanted(spans)).every((found) => found.length > 0));
      },
      { timeoutMs: 90_000, intervalMs: 1000 },
    );

    const traceIds = new Set(trace.map((s) => s.traceId));
    expect(traceIds.size).toBe(1);
    const found = wanted(trace);
    for (const [hop, spans] of Object.entries(found)) expect([hop, spans.length > 0]).toEqual([hop, true]);
    expect(new Set(trace.map(service))).toEqual(new Set(['approval', 'supervision', 'workflows', 'catalog']));
    // the correlation id of ADR 0003 is an attribute of the request's span and of the consumer's
    expect(found.decisionRequest.some((s) => s.tags?.['cityworks.correlation_id'] === correlationId)).toBe(true);
    expect(found.consume.every((s) => s.tags?.['cityworks.correlation_id'] === correlationId)).toBe(true);
    // the hops are parent and child across the processes, not merely in one trace
    const byId = new Map(trace.map((s) => [s.id, s]));
    const parentOf = (span: ZipkinSpan) => (span.parentId ? byId.get(span.parentId) : undefined);
    expect(found.publish.some((s) => found.decisionRequest.includes(ancestorServer(s, parentOf)!))).toBe(true);
    expect(parentOf(found.runActivity[0])?.name).toBe('startactivity:getapprovalitem');
    expect(parentOf(found.runWorkflow[0])?.name).toBe('startworkflow:supervisiontaskworkflow');

    // what the report shows: the trace id and its spans, service by service
    console.log(
      `trace ${[...traceIds][0]} (${zipkin.url}/zipkin/traces/${[...traceIds][0]}), ${trace.length} spans:\n` +
        trace
          .map((s) => `  ${service(s).padEnd(12)} ${(s.kind ?? 'INTERNAL').padEnd(9)} ${s.name}`)
          .sort()
          .join('\n'),
    );
  }, 300_000);
});

/** The nearest SERVER span above a span (the request it was written under). */
function ancestorServer(span: ZipkinSpan, parentOf: (s: ZipkinSpan) => ZipkinSpan | undefined): ZipkinSpan | undefined {
  for (let s = parentOf(span); s; s = parentOf(s)) if (s.kind === 'SERVER') return s;
  return undefined;
}
