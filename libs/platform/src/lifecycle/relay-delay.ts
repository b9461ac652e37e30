/** What a relay's last pass did. */
export type RelayPass = 'full-batch' | 'some' | 'none' | 'failed';

/** Poll delays of a relay, in ms. */
export const RelayDelays = { afterSome: 200, idleMax: 1000, failedMin: 500, failedMax: 5000 } as const;

/**
 * How long a relay (outbox → Kafka, workflow commands → Temporal) waits before its next pass.
 * A writer nudges its own process's relay right after commit, so polling only catches what no
 * nudge announced (another replica's leftovers, a crash between commit and nudge): an idle relay
 * backs off to once a second rather than polling five times a second, the largest part of an idle
 * service's CPU (scripts/bench, idle-cost). A failing one backs off further, to five seconds.
 */
export function nextRelayDelay(previous: number, pass: RelayPass): number {
  switch (pass) {
    case 'full-batch':
      return 0;
    case 'some':
      return RelayDelays.afterSome;
    case 'none':
      return Math.min(Math.max(previous * 2, RelayDelays.afterSome), RelayDelays.idleMax);
    case 'failed':
      return Math.min(Math.max(previous * 2, RelayDelays.failedMin), RelayDelays.failedMax);
  }
}
