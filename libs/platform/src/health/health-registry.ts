import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult } from '@nestjs/terminus';

export type HealthCheckFn = () => Promise<HealthIndicatorResult>;

/**
 * Infra modules (database, Kafka, Temporal) register their checks here, so /health reports
 * every dependency a service actually has without the platform knowing them in advance.
 */
@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, HealthCheckFn>();

  register(name: string, check: HealthCheckFn): void {
    this.checks.set(name, check);
  }

  all(): HealthCheckFn[] {
    return [...this.checks.values()];
  }
}

/** Runs a check with a deadline: a hung dependency must show as down, not hang /health. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<T>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}
