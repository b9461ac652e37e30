import { workflowCacheSize } from './workflow-cache-size';

const MiB = 2 ** 20;

describe('workflowCacheSize', () => {
  it('follows the heap limit when not configured: 600 workflows per GB above 200 MB', () => {
    expect(workflowCacheSize(undefined, 640 * MiB)).toBe(257);
    expect(workflowCacheSize('', 1224 * MiB)).toBe(600);
  });

  it('keeps at least 10 on a small heap', () => {
    expect(workflowCacheSize(undefined, 150 * MiB)).toBe(10);
  });

  it('takes WORKFLOW_CACHE_SIZE as given, 0 turning the cache off', () => {
    expect(workflowCacheSize('1000', 640 * MiB)).toBe(1000);
    expect(workflowCacheSize('0', 640 * MiB)).toBe(0);
  });

  it('refuses a size that is not a whole number, naming the setting', () => {
    expect(() => workflowCacheSize('lots', 640 * MiB)).toThrow('WORKFLOW_CACHE_SIZE must be a whole number ≥ 0, got "lots"');
    expect(() => workflowCacheSize('-1', 640 * MiB)).toThrow('WORKFLOW_CACHE_SIZE');
  });
});
