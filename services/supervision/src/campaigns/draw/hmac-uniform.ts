import { createHash, createHmac } from 'node:crypto';

/**
 * The draw's random numbers: u = the first 48 bits of HMAC-SHA256(key = seed, message), read as
 * a big-endian integer and divided by 2^48, so 0 ≤ u < 1. Anyone can recompute one with a
 * standard tool (`printf %s "$MESSAGE" | openssl dgst -sha256 -hmac "$SEED"`, first 12 hex digits).
 *
 * The seed is 64 lowercase hex characters, exactly one SHA-256 block as HMAC's key, so the keyed
 * inner and outer states are computed once; a message of at most 55 ASCII bytes then costs two
 * SHA-256 compressions in plain JavaScript — several times faster than node's HMAC objects per
 * call, which is what lets a million subjects be drawn in well under a second. Longer or
 * non-ASCII messages take node's HMAC. Both paths give the same number (draw.spec.ts checks).
 */

export const SEED_PATTERN = /^[0-9a-f]{64}$/;
const TWO_POW_48 = 2 ** 48;

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74,
  0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d,
  0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e,
  0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5,
  0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const IV = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

/** One SHA-256 compression of the 16 words in `w` (the first 16 of 64) into `out`, starting from `state`. */
function compress(state: Int32Array, w: Int32Array, out: Int32Array): void {
  for (let i = 16; i < 64; i++) {
    const x = w[i - 15];
    const y = w[i - 2];
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
  }
  let a = state[0];
  let b = state[1];
  let c = state[2];
  let d = state[3];
  let e = state[4];
  let f = state[5];
  let g = state[6];
  let h = state[7];
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[i] + w[i]) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  out[0] = (state[0] + a) | 0;
  out[1] = (state[1] + b) | 0;
  out[2] = (state[2] + c) | 0;
  out[3] = (state[3] + d) | 0;
  out[4] = (state[4] + e) | 0;
  out[5] = (state[5] + f) | 0;
  out[6] = (state[6] + g) | 0;
  out[7] = (state[7] + h) | 0;
}

/** SHA-256 of the seed as published at announcement (the commitment), lowercase hex. */
export function seedCommitment(seed: string): string {
  return createHash('sha256').update(seed, 'utf8').digest('hex');
}

/** The first 48 bits of a digest as a number in [0, 1). */
export function uniformOfDigest(digest: Buffer): number {
  return digest.readUIntBE(0, 6) / TWO_POW_48;
}

/** The reference definition, through node's HMAC: what the fast path must equal. */
export function hmacUniformReference(seed: string, message: string): number {
  return uniformOfDigest(createHmac('sha256', seed).update(message, 'utf8').digest());
}

/**
 * A generator of u for one seed. Keeps its scratch arrays, so it is not shared between
 * concurrent callers (a draw makes its own).
 */
export class HmacUniform {
  private readonly inner = new Int32Array(8);
  private readonly outer = new Int32Array(8);
  private readonly w = new Int32Array(64);
  private readonly digest = new Int32Array(8);

  constructor(private readonly seed: string) {
    if (!SEED_PATTERN.test(seed)) throw new Error('the seed must be 64 lowercase hex characters (32 random bytes)');
    const block = new Int32Array(64);
    for (const [pad, into] of [
      [0x36, this.inner],
      [0x5c, this.outer],
    ] as const) {
      for (let i = 0; i < 16; i++) {
        let word = 0;
        for (let j = 0; j < 4; j++) word = (word << 8) | (seed.charCodeAt(i * 4 + j) ^ pad);
        block[i] = word;
      }
      compress(IV, block, into);
    }
  }

  /** u for one message: HMAC-SHA256(seed, message), first 48 bits / 2^48. */
  of(message: string): number {
    const n = message.length;
    if (n > 55) return hmacUniformReference(this.seed, message);
    const w = this.w;
    // inner: H((K ⊕ ipad) ‖ message), the key block already absorbed
    for (let i = 0; i < 16; i++) w[i] = 0;
    for (let i = 0; i < n; i++) {
      const code = message.charCodeAt(i);
      if (code > 0x7f) return hmacUniformReference(this.seed, message);
      w[i >> 2] |= code << (24 - (i & 3) * 8);
    }
    return this.finish(n);
  }

  /**
   * u for a message given as ASCII bytes `bytes[start..end)` (at most 55): what `of` gives for the
   * same text. The draw's worker threads read the subjects' codes this way from shared memory.
   */
  ofAscii(bytes: Uint8Array, start: number, end: number): number {
    const n = end - start;
    if (n > 55) throw new RangeError('a message given as bytes must be at most 55 bytes');
    const w = this.w;
    for (let i = 0; i < 16; i++) w[i] = 0;
    for (let i = 0; i < n; i++) w[i >> 2] |= bytes[start + i] << (24 - (i & 3) * 8);
    return this.finish(n);
  }

  /** The padding after an n-byte message already in w[0..], then the inner and outer compressions. */
  private finish(n: number): number {
    const w = this.w;
    w[n >> 2] |= 0x80 << (24 - (n & 3) * 8);
    w[15] = (64 + n) * 8;
    compress(this.inner, w, this.digest);
    // outer: H((K ⊕ opad) ‖ inner digest)
    for (let i = 0; i < 8; i++) w[i] = this.digest[i];
    w[8] = 0x80000000;
    for (let i = 9; i < 15; i++) w[i] = 0;
    w[15] = (64 + 32) * 8;
    compress(this.outer, w, this.digest);
    return ((this.digest[0] >>> 0) * 65536 + (this.digest[1] >>> 16)) / TWO_POW_48;
  }
}
