import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findWorkspaceRoot } from '@cityworks/platform';

/**
 * A second, throw-away set of real servers (PostgreSQL, Kafka, Temporal dev server) on their
 * own ports and state dir, which fault tests stop and start at will without disturbing the
 * servers that other tests or a running system use.
 */
export const root = findWorkspaceRoot(__dirname);
const stateDir = path.join(root, '.local/faults');

export const stackEnv = {
  CITYWORKS_STATE_DIR: stateDir,
  PGPORT: process.env.FAULT_PGPORT ?? '5434',
  KAFKA_PORT: process.env.FAULT_KAFKA_PORT ?? '9094',
  KAFKA_CONTROLLER_PORT: process.env.FAULT_KAFKA_CONTROLLER_PORT ?? '9095',
  TEMPORAL_PORT: process.env.FAULT_TEMPORAL_PORT ?? '7234',
  TEMPORAL_UI_PORT: process.env.FAULT_TEMPORAL_UI_PORT ?? '8234',
};

/** What a service needs to reach this stack. */
export const serviceEnv = {
  DATABASE_URL: `postgres://cityworks:cityworks@127.0.0.1:${stackEnv.PGPORT}/cityworks`,
  KAFKA_BROKERS: `127.0.0.1:${stackEnv.KAFKA_PORT}`,
  KAFKA_TOPIC_PREFIX: '',
  TEMPORAL_ADDRESS: `127.0.0.1:${stackEnv.TEMPORAL_PORT}`,
  TEMPORAL_NAMESPACE: 'default',
};

export type Server = 'postgres' | 'kafka' | 'temporal' | 'all';

function run(args: string[], env: Record<string, string> = {}): void {
  // the local stack's own addresses must not leak into the fault stack's scripts
  const base = { ...process.env };
  for (const k of ['PGHOST', 'PGPORT', 'KAFKA_BROKERS', 'TEMPORAL_ADDRESS', 'TEMPORAL_NAMESPACE', 'DATABASE_URL']) delete base[k];
  execFileSync(args[0], args.slice(1), { cwd: root, env: { ...base, ...stackEnv, ...env }, stdio: ['ignore', 'pipe', 'inherit'], timeout: 180_000 });
}

export const infra = (command: 'start' | 'stop', server: Server = 'all') => run(['bash', 'deploy/local/infra.sh', command, server]);

/** A fresh stack: old state removed, servers started, topics created. */
export function startFreshStack(): void {
  infra('stop');
  fs.rmSync(stateDir, { recursive: true, force: true });
  infra('start');
  run(['node', 'deploy/local/create-topics.js'], { KAFKA_BROKERS: serviceEnv.KAFKA_BROKERS, KAFKA_TOPIC_PREFIX: serviceEnv.KAFKA_TOPIC_PREFIX });
}

export function useStackInThisProcess(): void {
  Object.assign(process.env, serviceEnv);
}

/** A service or the workflow worker as a real process (from dist/, built by `npm test`). */
export function startProcess(entry: string, extraEnv: Record<string, string> = {}): ChildProcess {
  const file = path.join(root, entry);
  if (!fs.existsSync(file)) throw new Error(`${entry} is missing: run bash deploy/local/build.sh`);
  const logFile = fs.openSync(path.join(stateDir, 'logs', `${path.basename(path.dirname(path.dirname(entry)))}-${Date.now()}.log`), 'a');
  return spawn(process.execPath, ['-r', './scripts/register-paths.js', file], {
    cwd: root,
    env: { ...process.env, ...serviceEnv, NODE_ENV: 'production', LOG_LEVEL: process.env.FAULT_LOG_LEVEL ?? 'warn', ...extraEnv },
    stdio: ['ignore', logFile, logFile],
  });
}

/** SIGKILLs a process and waits for its exit; true when this call killed a live process. */
export async function killHard(child: ChildProcess): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return false;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  return child.signalCode === 'SIGKILL';
}
