/**
 * Back-off waits that end early when the service shuts down, so a retry loop never holds a
 * shutdown (or a test's teardown) for its whole back-off.
 */
export class StopSignal {
  private stopResolve!: () => void;
  private readonly stopped$ = new Promise<void>((resolve) => (this.stopResolve = resolve));
  private isStopped = false;

  get stopped(): boolean {
    return this.isStopped;
  }

  stop(): void {
    this.isStopped = true;
    this.stopResolve();
  }

  /** Resolves after `ms`, or at once when stopped. */
  async sleep(ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))), this.stopped$]);
    clearTimeout(timer);
  }
}
