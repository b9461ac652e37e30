import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { findWorkspaceRoot } from '@cityworks/platform';
import { waitFor } from '@cityworks/testing';

export const root = findWorkspaceRoot(__dirname);
export const logDir = path.join(root, '.local/tracing-test');

/** A port nothing listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface TracedProcess {
  name: string;
  child: ChildProcess;
  url?: string;
}

/**
 * A service or the workflow worker as a real process from dist/ (built by `npm test`), started
 * exactly as deploy/local/apps.sh starts it — with the tracing preload — and with tracing on.
 * Instrumentation patches modules as Node's own require loads them, which jest's module registry
 * bypasses: the tracing path can only be tested in real processes.
 */
export function startTraced(name: string, env: Record<string, string>, port?: number): TracedProcess {
  const entry = name === 'workflows' ? 'dist/workflows/src/worker.js' : `dist/services/${name}/src/main.js`;
  for (const file of [entry, 'dist/libs/tracing/src/register.js']) {
    if (!fs.existsSync(path.join(root, file))) throw new Error(`${file} is missing: run bash deploy/local/build.sh`);
  }
  fs.mkdirSync(logDir, { recursive: true });
  const log = fs.openSync(path.join(logDir, `${name}.log`), 'w');
  const child = spawn(process.execPath, ['-r', './scripts/register-paths.js', '-r', './dist/libs/tracing/src/register.js', entry], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', OTEL_SERVICE_NAME: name, ...(port ? { PORT: String(port) } : {}), ...env },
    stdio: ['ignore', log, log],
  });
  return { name, child, url: port ? `http://127.0.0.1:${port}` : undefined };
}

/** Waits until the service's /health reports Postgres, Kafka and Temporal up. */
export async function waitHealthy(proc: TracedProcess): Promise<void> {
  await waitFor(
    `${proc.name} to be healthy`,
    async () => {
      if (proc.child.exitCode !== null) throw new Error(`${proc.name} exited with ${proc.child.exitCode} (see ${logDir}/${proc.name}.log)`);
      const res = await fetch(`${proc.url}/health`);
      return res.ok && ((await res.json()) as { status?: string }).status === 'ok';
    },
    { timeoutMs: 180_000, intervalMs: 500 },
  );
}

/** SIGTERM, as apps.sh stops a process: the services flush what they still buffer on the way out. */
export async function stopTraced(proc: TracedProcess): Promise<void> {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  const exited = new Promise((resolve) => proc.child.once('exit', resolve));
  proc.child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
  if (proc.child.exitCode === null && proc.child.signalCode === null) proc.child.kill('SIGKILL');
}
