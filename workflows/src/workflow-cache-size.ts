/**
 * How many workflows the worker keeps in memory between their tasks (the sticky cache).
 *
 * The cache must fit the heap: each cached workflow holds its state, its pending promises and its
 * payloads (about 1 MB each here, as Temporal's own figures say). With the heap capped at 640 MB
 * and a fixed cache of 1,000, the worker's thread ran out of heap with 546 workflows running
 * (ERR_WORKER_OUT_OF_MEMORY) and, before that, spent three times the CPU per application in
 * garbage collection. So the cache follows the heap limit, with the SDK's own rule (600 workflows
 * per GB above 200 MB), unless WORKFLOW_CACHE_SIZE sets it; an evicted workflow is replayed from
 * its history when it wakes.
 */
export function workflowCacheSize(configured: string | undefined, heapLimitBytes: number): number {
  if (configured !== undefined && configured.trim() !== '') {
    const size = Number(configured);
    if (!Number.isInteger(size) || size < 0) throw new Error(`WORKFLOW_CACHE_SIZE must be a whole number ≥ 0, got "${configured}"`);
    return size;
  }
  const heapMiB = heapLimitBytes / 2 ** 20;
  return Math.max(Math.floor((Math.max(heapMiB - 200, 0) * 600) / 1024), 10);
}
