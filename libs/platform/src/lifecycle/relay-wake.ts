/**
 * The sleep between a relay's passes, cut short by a nudge. A nudge that arrives while a pass is
 * running is kept, not lost: the pass may have read its rows before the writer committed, so the
 * next sleep returns at once and another pass picks the new rows up, rather than sleeping its
 * whole delay with committed rows waiting.
 */
export class RelayWake {
  private nudged = false;
  private wakeUp: (() => void) | undefined;

  /** A writer committed (or the service stops): wake the relay now or skip its next sleep. */
  nudge(): void {
    this.nudged = true;
    this.wakeUp?.();
  }

  /** Called as a pass begins: the rows it reads cover every nudge before this point. */
  passBegins(): void {
    this.nudged = false;
  }

  /** Waits `ms`, or less when nudged; not at all when nudged since the pass began. */
  async sleep(ms: number): Promise<void> {
    if (this.nudged) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
    this.wakeUp = undefined;
  }
}
