import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { INestApplication, Type } from '@nestjs/common';
import { Client } from 'pg';
import { Roles } from '@cityworks/contracts';
import { isolateKafkaConsumers, startServiceApp, tokenFor } from '@cityworks/testing';
import { AppModule as ApprovalApp } from '../../services/approval/src/app.module';
import { seedApprovalItem } from '../../services/approval/testing/catalog-items.fixture';
import { AppModule as SupervisionApp } from '../../services/supervision/src/app.module';
import { AppModule as CreditApp } from '../../services/credit/src/app.module';
import { AppModule as ComplaintsApp } from '../../services/complaints/src/app.module';
import { AppModule as CatalogApp } from '../../services/catalog/src/app.module';

/**
 * Contract fuzzing: schemathesis reads each service's published OpenAPI and sends what it
 * describes (valid and invalid requests, unknown methods) with every check on. The document
 * must tell the truth both ways: every status answered is declared with its body's schema,
 * every request the schema allows is accepted (or refused for a reason the schema cannot state,
 * see schemathesis.toml), every request it forbids is refused, an unknown method answers 405.
 * The fuzzer writes whatever the schemas allow, so it works in a database of its own, made anew
 * for every run (cityworks_contract beside the tests' database): other suites' data stays as they
 * left it, and every run starts from the same empty state.
 * CONTRACT_EXAMPLES (examples per operation), CONTRACT_SEED and CONTRACT_SERVICES (comma list)
 * vary a run; a failing run leaves schemathesis' report in .local/contract/<service>.
 */
const ROOT = path.resolve(__dirname, '../..');
const EXAMPLES = Number(process.env.CONTRACT_EXAMPLES ?? 40);
const SEED = Number(process.env.CONTRACT_SEED ?? 42);
const ONLY = process.env.CONTRACT_SERVICES?.split(',').filter(Boolean);
const REPORTS = path.join(ROOT, '.local/contract');

const services: [string, Type<unknown>][] = (
  [
    ['approval', ApprovalApp],
    ['supervision', SupervisionApp],
    ['credit', CreditApp],
    ['complaints', ComplaintsApp],
    ['catalog', CatalogApp],
  ] as [string, Type<unknown>][]
).filter(([name]) => !ONLY || ONLY.includes(name));

interface Report {
  running_time: number;
  exit_code: number;
  operations: { total: number; selected: number; tested: number; errored: number; skipped: number } | null;
  test_cases: { generated: number; with_failures: number; unique_failures: number; errored: number };
  failures: { type: string; title: string; count: number; operations: string[] }[];
  errors: { title: string; count: number }[];
}

/** Runs `st run` without blocking this process' event loop: the services answer from it. */
function schemathesis(st: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    // cwd: hypothesis keeps its caches (.hypothesis/) in the working directory
    fs.mkdirSync(REPORTS, { recursive: true });
    const child = spawn(st, args, {
      cwd: REPORTS,
      env: { ...process.env, NO_COLOR: '1', PYTHONUNBUFFERED: '1', SCHEMATHESIS_HOOKS: path.join(__dirname, 'hooks.py') },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, output }));
  });
}

/** A fresh, empty database next to the one in DATABASE_URL; answers its URL. */
async function freshDatabase(name: string): Promise<string> {
  const url = new URL(process.env.DATABASE_URL ?? '');
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  url.pathname = `/${name}`;
  return url.toString();
}

describe('every service keeps the promises of its OpenAPI (schemathesis)', () => {
  let st: string;
  const testDatabase = process.env.DATABASE_URL;

  beforeAll(async () => {
    process.env.DATABASE_URL = await freshDatabase('cityworks_contract');
    // idempotent: installs the pinned schemathesis into .local once, then only checks
    st =
      execFileSync('bash', [path.join(ROOT, 'deploy/local/schemathesis.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
        .trim()
        .split('\n')
        .pop() ?? '';
    isolateKafkaConsumers();
    process.env.EVENT_CONSUMER_ENABLED = 'false';
  }, 300_000);

  afterAll(() => {
    delete process.env.EVENT_CONSUMER_ENABLED;
    process.env.DATABASE_URL = testDatabase;
  });

  it.each(services)(
    '%s',
    async (name, module) => {
      const app: INestApplication = await startServiceApp(module, name);
      try {
        await app.listen(0, '127.0.0.1');
        // approval accepts only items of its catalog copy: give it the one the examples name
        if (name === 'approval') await seedApprovalItem(app, { code: 'JS-SGXK-001' });
        const port = (app.getHttpServer().address() as AddressInfo).port;
        const dir = path.join(REPORTS, name);
        fs.rmSync(dir, { recursive: true, force: true });
        fs.mkdirSync(dir, { recursive: true });
        // the document as tested, beside the report
        fs.writeFileSync(path.join(dir, 'openapi.json'), JSON.stringify(await (await fetch(`http://127.0.0.1:${port}/docs/openapi.json`)).json(), null, 2));
        // 工改办 may call every operation, so the fuzzer reaches every handler
        const token = tokenFor({ userId: 'contract-fuzzer', departmentCode: 'GGB', regionCode: '210300', roles: [Roles.reformOffice] });
        const t0 = Date.now();
        const { code, output } = await schemathesis(st, [
          '--config-file',
          path.join(__dirname, 'schemathesis.toml'),
          'run',
          `http://127.0.0.1:${port}/docs/openapi.json`,
          '--checks',
          'all',
          '--seed',
          String(SEED),
          '--max-examples',
          String(EXAMPLES),
          '--header',
          `Authorization: Bearer ${token}`,
          '--report',
          'json,junit',
          '--report-json-path',
          path.join(dir, 'report.json'),
          '--report-junit-path',
          path.join(dir, 'junit.xml'),
          '--no-color',
        ]);
        const report: Report = JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8'));
        const failures = report.failures.reduce((n, f) => n + f.count, 0);
        const serverErrors = report.failures.filter((f) => /server error/i.test(f.title) || f.type === 'not_a_server_error').reduce((n, f) => n + f.count, 0);
        const figures = {
          service: name,
          operations: report.operations?.tested ?? 0,
          examples: report.test_cases.generated,
          failures,
          serverErrors,
          errors: report.errors.reduce((n, e) => n + e.count, 0),
          seconds: Math.round((Date.now() - t0) / 100) / 10,
        };
        process.stdout.write(`[contract] ${JSON.stringify(figures)}\n`);
        if (failures || figures.errors || code !== 0) {
          fs.writeFileSync(path.join(dir, 'output.txt'), output);
          process.stdout.write(output.slice(-20000) + '\n');
        }
        expect({ ...figures, seconds: 0, failureKinds: report.failures.map((f) => `${f.title} (${f.count}) ${f.operations.slice(0, 5).join(', ')}`) }).toEqual({
          ...figures,
          seconds: 0,
          failures: 0,
          serverErrors: 0,
          errors: 0,
          failureKinds: [],
        });
        expect(figures.operations).toBeGreaterThan(0);
      } finally {
        await app.close();
      }
    },
    600_000,
  );
});
