import { Injectable } from '@nestjs/common';

/**
 * The relays that deliver what a transaction left behind (Kafka events, workflow commands)
 * poll on their own; a nudge after commit lets them deliver at once instead.
 */
@Injectable()
export class RelayNudges {
  private readonly relays = new Set<() => void>();

  register(nudge: () => void): void {
    this.relays.add(nudge);
  }

  nudge(): void {
    for (const relay of this.relays) relay();
  }
}
