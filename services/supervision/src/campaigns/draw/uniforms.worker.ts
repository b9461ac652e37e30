import { parentPort, workerData } from 'node:worker_threads';
import { HmacUniform } from './hmac-uniform';
import type { UniformsJob } from './parallel-uniforms';

/**
 * A thread of a parallel draw (parallel-uniforms.ts), for one seed: for each job, u of messages
 * [from, to) read from shared memory into the shared `us`, and the same numbers sorted into
 * `sorted[from, to)`, the run the draw merges to find a subject listed twice.
 */
const rng = new HmacUniform(workerData as string);
parentPort!.on('message', (job: UniformsJob) => {
  const bytes = new Uint8Array(job.bytes);
  const offsets = new Int32Array(job.offsets);
  const us = new Float64Array(job.us);
  for (let i = job.from; i < job.to; i++) us[i] = rng.ofAscii(bytes, offsets[i], offsets[i + 1]);
  const run = new Float64Array(job.sorted, job.from * Float64Array.BYTES_PER_ELEMENT, job.to - job.from);
  run.set(us.subarray(job.from, job.to));
  run.sort();
  parentPort!.postMessage('done');
});
