import { parentPort, workerData } from 'node:worker_threads';
import { HmacUniform } from './hmac-uniform';
import type { ComposedJob, UniformsJob } from './parallel-uniforms';

/**
 * A thread of a parallel draw (parallel-uniforms.ts), for one seed. A `messages` job: u of
 * messages [from, to) read from shared memory into the shared `us`, and the same numbers sorted
 * into `sorted[from, to)`, the run the draw merges to find a subject listed twice. A `composed`
 * job: for picks [from, to), the messages its templates make of each picked message, composed
 * here byte by byte and hashed in order into `us`.
 */
const rng = new HmacUniform(workerData as string);

function hashMessages(job: UniformsJob): void {
  const bytes = new Uint8Array(job.bytes);
  const offsets = new Int32Array(job.offsets);
  const us = new Float64Array(job.us);
  for (let i = job.from; i < job.to; i++) us[i] = rng.ofAscii(bytes, offsets[i], offsets[i + 1]);
  const run = new Float64Array(job.sorted, job.from * Float64Array.BYTES_PER_ELEMENT, job.to - job.from);
  run.set(us.subarray(job.from, job.to));
  run.sort();
}

function hashComposed(job: ComposedJob): void {
  const bytes = new Uint8Array(job.bytes);
  const offsets = new Int32Array(job.offsets);
  const picks = new Int32Array(job.picks);
  const us = new Float64Array(job.us);
  const perPick = job.templates.reduce((sum, t) => sum + t.count, 0);
  const message = new Uint8Array(64);
  let at = job.from * perPick;
  for (let p = job.from; p < job.to; p++) {
    const start = offsets[picks[p]];
    const end = offsets[picks[p] + 1];
    for (const { head, tail, count } of job.templates) {
      let n = 0;
      for (const b of head) message[n++] = b;
      for (let i = start; i < end; i++) message[n++] = bytes[i];
      for (const b of tail) message[n++] = b;
      for (let j = 0; j < count; j++) {
        const digits = String(j);
        for (let d = 0; d < digits.length; d++) message[n + d] = digits.charCodeAt(d);
        us[at++] = rng.ofAscii(message, 0, n + digits.length);
      }
    }
  }
}

parentPort!.on('message', (job: UniformsJob | ComposedJob) => {
  if (job.kind === 'composed') hashComposed(job);
  else hashMessages(job);
  parentPort!.postMessage('done');
});
