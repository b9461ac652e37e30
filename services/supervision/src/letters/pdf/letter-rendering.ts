import { Injectable } from '@nestjs/common';

/**
 * Schedules the rendering of letters in this process. Rendering is a few tenths of a second of
 * CPU (pdfkit subsetting two CJK faces) that blocks the event loop; in a burst of letters (every
 * deadline of a day ends at the same instant, so ladders fire together) renders interleaved with
 * database work would stall every statement in flight by a rendering, keep their pooled
 * connections and locks that long, and time the pool out. So a rendering and the storing of its
 * result run one at a time, and only while no issue transaction runs: a burst is numbered and
 * committed first, then rendered letter by letter.
 */
@Injectable()
export class LetterRendering {
  private issuing = 0;
  private quietWaiters: (() => void)[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  /** Runs an issue (its transaction); renderings wait while any runs. */
  async whileIssuing<T>(work: () => Promise<T>): Promise<T> {
    this.issuing++;
    try {
      return await work();
    } finally {
      if (--this.issuing === 0) for (const wake of this.quietWaiters.splice(0)) wake();
    }
  }

  /** Runs `job` (render a letter and store it) after the jobs queued before it, once no issue runs. */
  schedule<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      // let the I/O that arrived meanwhile (other transactions' answers) run first
      await new Promise((resolve) => setImmediate(resolve));
      while (this.issuing > 0) await new Promise<void>((resolve) => this.quietWaiters.push(resolve));
      return job();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}
