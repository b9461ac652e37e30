import { Injectable } from '@nestjs/common';

const FRESH_MS = 30_000;
const KEEP_MS = 120_000;
const MAX_ENTRIES = 200;

interface Entry {
  at: number;
  value: Promise<unknown>;
  refreshing: boolean;
}

/**
 * approval's year-long 办理用时 report is the overview's one slow read (it times every application
 * of the year: 0.8 s with the bench's 3,500 applications), and its figures move by the day. Kept per
 * key — the caller's department scope and roles — for 30 s, then answered
 * from the kept copy while one new read runs (up to two minutes old), so the overview stays fast.
 */
@Injectable()
export class ReportCache {
  private readonly entries = new Map<string, Entry>();

  get<T>(key: string, read: () => Promise<T>, now = Date.now()): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && now - hit.at < FRESH_MS) return hit.value as Promise<T>;
    if (hit && now - hit.at < KEEP_MS) {
      if (!hit.refreshing) {
        hit.refreshing = true;
        const next = read();
        next.then(
          () => this.entries.set(key, { at: now, value: next, refreshing: false }),
          () => (hit.refreshing = false),
        );
      }
      return hit.value as Promise<T>;
    }
    const value = read();
    value.catch(() => this.entries.delete(key));
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { at: now, value, refreshing: false });
    return value;
  }
}
