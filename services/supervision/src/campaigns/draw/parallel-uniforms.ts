import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { HmacUniform } from './hmac-uniform';

/**
 * The draw's u for a million subjects is two million SHA-256 compressions in JavaScript, about
 * 2 s on one core of a small server. Each u depends only on the seed and its message, so the
 * work splits over threads without changing a single number: the messages go into shared memory
 * once, each thread hashes a slice into a shared array and sorts its slice, and the service's
 * event loop stays free while they run. Small batches stay on the calling thread, where handing
 * them over would cost more than it saves.
 */

/** below this many messages a batch is hashed on the calling thread */
export const PARALLEL_FROM_MESSAGES = 20_000;
const MAX_THREADS = 8;
/** HmacUniform's fast path: ASCII, at most 55 bytes */
const LONGEST_MESSAGE = 55;

/** Messages as ASCII bytes in shared memory: message i is bytes[offsets[i], offsets[i + 1]). */
export interface PackedMessages {
  bytes: SharedArrayBuffer;
  offsets: SharedArrayBuffer;
}

/** One slice of one batch of messages, as a worker thread is handed it. */
export interface UniformsJob extends PackedMessages {
  kind: 'messages';
  us: SharedArrayBuffer;
  sorted: SharedArrayBuffer;
  from: number;
  to: number;
}

/**
 * Messages made from messages already packed: for each chosen message m (in `picks`), for each
 * template, `head ‖ m ‖ tail ‖ j` for j < count (j in decimal). The draw's team steps are
 * `team|<uscc>|<department>|<j>` and `expert|<uscc>|<j>`.
 */
export interface MessageTemplate {
  head: string;
  tail: string;
  count: number;
}

/** One slice [from, to) of the picks of a composed batch, as a worker thread is handed it. */
export interface ComposedJob extends PackedMessages {
  kind: 'composed';
  picks: SharedArrayBuffer;
  templates: { head: number[]; tail: number[]; count: number }[];
  us: SharedArrayBuffer;
  from: number;
  to: number;
}

export interface Uniforms {
  /** u of message i */
  us: Float64Array;
  /** the same numbers as ascending runs (one per thread): what a duplicate search merges */
  sortedRuns: Float64Array[];
  /** the messages as the threads read them, when they did */
  packed?: PackedMessages;
}

export function defaultDrawThreads(): number {
  return Math.max(1, Math.min(MAX_THREADS, availableParallelism()));
}

/** u for every message on the calling thread, sorted as one run. */
export function uniformsHere(rng: HmacUniform, messages: readonly string[]): Uniforms {
  const us = new Float64Array(messages.length);
  for (let i = 0; i < messages.length; i++) us[i] = rng.of(messages[i]);
  return { us, sortedRuns: [us.slice().sort()] };
}

/**
 * Worker threads for one draw's seed. Started before the draw checks its inputs, so the threads
 * boot while it does; closed when the draw ends.
 */
export class UniformThreads {
  private readonly here: HmacUniform;
  private readonly workers: Worker[];

  constructor(seed: string, threads = defaultDrawThreads()) {
    this.here = new HmacUniform(seed);
    this.workers = threads < 2 ? [] : Array.from({ length: threads }, () => startWorker(seed));
  }

  /**
   * u for every message, over the threads when the batch is large enough and every message is
   * ASCII of at most 55 bytes (a 统一社会信用代码 and the draw's labels are); otherwise on the
   * calling thread. The numbers are the same either way.
   */
  async uniforms(messages: readonly string[]): Promise<Uniforms> {
    return (await this.onThreads(messages)) ?? uniformsHere(this.here, messages);
  }

  /** The same over the threads, started at once; null, having hashed nothing, when the batch does not qualify. */
  onThreads(messages: readonly string[]): Promise<Uniforms> | null {
    const n = messages.length;
    const packed = this.workers.length && n >= PARALLEL_FROM_MESSAGES ? pack(messages) : null;
    if (!packed) return null;
    const us = new SharedArrayBuffer(n * Float64Array.BYTES_PER_ELEMENT);
    const sorted = new SharedArrayBuffer(n * Float64Array.BYTES_PER_ELEMENT);
    const slices = this.slices(n);
    return Promise.all(slices.map(([from, to], t) => runJob(this.workers[t], { kind: 'messages', ...packed, us, sorted, from, to }))).then(() => ({
      us: new Float64Array(us),
      sortedRuns: slices.map(([from, to]) => new Float64Array(sorted, from * Float64Array.BYTES_PER_ELEMENT, to - from)),
      packed,
    }));
  }

  /**
   * u of the messages `templates` make of the packed messages `picks` (see MessageTemplate), in
   * that order, composed and hashed by the threads: the calling thread builds no string. Null,
   * having hashed nothing, when they would be too few, longer than 55 bytes or not ASCII.
   */
  composedOnThreads(packed: PackedMessages, picks: readonly number[], templates: readonly MessageTemplate[]): Promise<Float64Array> | null {
    const perPick = templates.reduce((sum, t) => sum + t.count, 0);
    const n = picks.length * perPick;
    if (!this.workers.length || n < PARALLEL_FROM_MESSAGES) return null;
    const offsets = new Int32Array(packed.offsets);
    let longest = 0;
    for (const pick of picks) longest = Math.max(longest, offsets[pick + 1] - offsets[pick]);
    const ascii = (text: string) => !/[\u0080-\uffff]/.test(text);
    for (const t of templates)
      if (!ascii(t.head) || !ascii(t.tail) || t.head.length + longest + t.tail.length + String(Math.max(t.count - 1, 0)).length > LONGEST_MESSAGE) return null;
    const shared = new Int32Array(new SharedArrayBuffer(picks.length * Int32Array.BYTES_PER_ELEMENT));
    shared.set(picks);
    const bytesOf = (text: string) => Array.from(text, (c) => c.charCodeAt(0));
    const job = {
      kind: 'composed' as const,
      ...packed,
      picks: shared.buffer as SharedArrayBuffer,
      templates: templates.map((t) => ({ head: bytesOf(t.head), tail: bytesOf(t.tail), count: t.count })),
      us: new SharedArrayBuffer(n * Float64Array.BYTES_PER_ELEMENT),
    };
    return Promise.all(this.slices(picks.length).map(([from, to], t) => runJob(this.workers[t], { ...job, from, to }))).then(() => new Float64Array(job.us));
  }

  /** [from, to) of each thread's share of n */
  private slices(n: number): (readonly [number, number])[] {
    const threads = this.workers.length;
    return this.workers.map((_, t) => [Math.floor((n * t) / threads), Math.floor((n * (t + 1)) / threads)] as const);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** The messages as bytes in shared memory with their offsets; null when one is not a string that can take the fast path. */
function pack(messages: readonly unknown[]): PackedMessages | null {
  const n = messages.length;
  const offsets = new Int32Array(new SharedArrayBuffer((n + 1) * Int32Array.BYTES_PER_ELEMENT));
  let total = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = total;
    const message = messages[i];
    if (typeof message !== 'string' || message.length > LONGEST_MESSAGE) return null;
    const length = message.length;
    total += length;
  }
  offsets[n] = total;
  // one native join and one latin1 write cost far less than a million charCodeAt loops
  const joined = messages.join('');
  if (/[\u0080-\uffff]/.test(joined)) return null;
  const bytes = new SharedArrayBuffer(total);
  Buffer.from(bytes).write(joined, 0, 'latin1');
  return { bytes, offsets: offsets.buffer as SharedArrayBuffer };
}

function runJob(worker: Worker, job: UniformsJob | ComposedJob): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (error: Error) => {
      worker.off('message', finished);
      reject(error);
    };
    const exited = (code: number) => failed(new Error(`a draw thread stopped (exit code ${code}) before it finished`));
    const finished = () => {
      worker.off('error', failed);
      worker.off('exit', exited);
      resolve();
    };
    worker.once('message', finished);
    worker.once('error', failed);
    worker.once('exit', exited);
    worker.postMessage(job);
  });
}

/**
 * The worker file next to this one: compiled JavaScript in a built service; TypeScript under jest
 * or scripts/verify-draw.js, where the thread compiles it with swc as those do.
 */
function startWorker(seed: string): Worker {
  // none of the service's -r hooks (path aliases, tracing): the thread needs only node and its two files
  const options = { workerData: seed, execArgv: [] };
  const extension = __filename.endsWith('.ts') ? '.ts' : '.js';
  const file = __filename.replace(/parallel-uniforms\.(ts|js)$/, `uniforms.worker${extension}`);
  if (extension === '.js') return new Worker(file, options);
  const swc = require.resolve('@swc/core');
  const source = `
    const fs = require('fs');
    const swc = require(${JSON.stringify(swc)});
    require.extensions['.ts'] = (module, filename) => {
      const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), {
        filename, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' },
      });
      module._compile(code, filename);
    };
    require(${JSON.stringify(file)});`;
  return new Worker(source, { ...options, eval: true });
}
