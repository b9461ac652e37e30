import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findWorkspaceRoot } from '@cityworks/platform';
import { waitFor } from '@cityworks/testing';

const root = findWorkspaceRoot(__dirname);
// the version deploy/local/lib/zipkin.sh provisions
const jar = path.join(root, '.local/zipkin/zipkin-server-3.4.2-exec.jar');

/** A span as Zipkin's v2 API answers it. */
export interface ZipkinSpan {
  traceId: string;
  id: string;
  parentId?: string;
  name?: string;
  kind?: 'CLIENT' | 'SERVER' | 'PRODUCER' | 'CONSUMER';
  localEndpoint?: { serviceName?: string };
  tags?: Record<string, string>;
}

export interface RunningZipkin {
  url: string;
  /** where the services send spans */
  spansUrl: string;
  /** every trace holding a span tagged `key=value` */
  tracesTagged(key: string, value: string): Promise<ZipkinSpan[][]>;
  stop(): Promise<void>;
}

/**
 * A Zipkin server of the test's own (the jar deploy/local provisions from Maven Central, spans
 * in memory), on a port no running stack uses, so the test reads only its own traces.
 */
export async function startZipkin(port: number, logFile: string): Promise<RunningZipkin> {
  if (!fs.existsSync(jar))
    execFileSync('bash', ['deploy/local/provision.sh', 'zipkin'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], timeout: 300_000 });
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.openSync(logFile, 'w');
  const child: ChildProcess = spawn('java', ['-Xmx256m', '-jar', jar, '--server.address=127.0.0.1', `--server.port=${port}`], {
    cwd: root,
    stdio: ['ignore', log, log],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    'Zipkin to answer /health',
    async () => {
      if (child.exitCode !== null) throw new Error(`zipkin exited with ${child.exitCode} (see ${logFile})`);
      const res = await fetch(`${url}/health`);
      return res.ok && (await res.text()).includes('UP');
    },
    { timeoutMs: 120_000, intervalMs: 500 },
  );
  return {
    url,
    spansUrl: `${url}/api/v2/spans`,
    async tracesTagged(key, value) {
      const query = new URLSearchParams({ annotationQuery: `${key}=${value}`, lookback: String(3_600_000), limit: '50' });
      const res = await fetch(`${url}/api/v2/traces?${query}`);
      if (!res.ok) throw new Error(`zipkin answered ${res.status}`);
      return (await res.json()) as ZipkinSpan[][];
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
