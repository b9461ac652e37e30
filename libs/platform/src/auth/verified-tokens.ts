import type { KeyObject } from 'node:crypto';
import type { AuthUser } from '@cityworks/contracts';
import { VerifiedAccessToken, verifyAccessTokenClaims } from './access-token';

interface Entry {
  user: AuthUser;
  /** jsonwebtoken refuses a token once floor(now / 1000) ≥ exp, i.e. from exp × 1000 ms on */
  expiresAtMs: number;
}

/**
 * The tokens this process has verified, each kept until it expires. A desk sends the same token
 * with every request for hours; verifying its RS256 signature and claims again each time was half
 * a millisecond of the service's thread per request (a profile of `GET /projects/{code}/timing`
 * under load, docs/benchmarks.md). Only a token that verified is kept, under its whole text
 * (signature included), so a hit is the very token that passed; a token that failed is verified
 * again each time it comes. Bounded: past `capacity` the least recently used goes
 * (ADR 0032).
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly verifyToken: (token: string) => VerifiedAccessToken,
    private readonly capacity = 10_000,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Tokens signed for this public key (parsed once). */
  static of(publicKey: KeyObject, capacity?: number): VerifiedTokens {
    return new VerifiedTokens((token) => verifyAccessTokenClaims(token, publicKey), capacity);
  }

  /** The token's user, as verifyAccessToken gives it; throws InvalidTokenError as it does. */
  verify(token: string): AuthUser {
    const kept = this.entries.get(token);
    if (kept) {
      this.entries.delete(token);
      if (this.now() < kept.expiresAtMs) {
        this.entries.set(token, kept); // most recently used last
        return copyOf(kept.user);
      }
      // expired: verified again below, which refuses it with jsonwebtoken's own message
    }
    const { user, exp } = this.verifyToken(token);
    this.entries.set(token, { user: copyOf(user), expiresAtMs: exp * 1000 });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return user;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** each request gets its own user: nothing a handler does to it reaches the next request */
const copyOf = (user: AuthUser): AuthUser => ({ ...user, roles: [...user.roles] });
