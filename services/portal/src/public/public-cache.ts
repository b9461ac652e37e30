import { Injectable } from '@nestjs/common';

const TTL_MS = 10_000;
const MAX_ENTRIES = 500;

/**
 * The public page's reads kept for ten seconds: every visitor's request reaches the services from
 * the portal's one address, which their own per-address limits would otherwise count as one
 * visitor. What is public changes by the day; ten seconds late is nothing.
 */
@Injectable()
export class PublicCache {
  private readonly entries = new Map<string, { at: number; value: Promise<unknown> }>();

  get<T>(key: string, read: () => Promise<T>, now = Date.now()): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && now - hit.at < TTL_MS) return hit.value as Promise<T>;
    const value = read();
    // a failed read is not kept: the next visitor asks again
    value.catch(() => this.entries.delete(key));
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { at: now, value });
    return value;
  }
}
