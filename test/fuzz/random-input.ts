/** Seeded generators of hostile input, so a failing case can be replayed with its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NASTY_STRINGS = [
  '',
  ' ',
  "' OR '1'='1",
  "'; DROP TABLE applications; --",
  '"\\u0000"',
  '\u0000',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '工程建设项目审批'.repeat(50),
  '😀'.repeat(100),
  '00000000-0000-0000-0000-000000000000',
  '2026-02-30',
  '9999-12-31T23:59:59Z',
  'NaN',
  '-1',
  '1e309',
  'true',
  'null',
  '__proto__',
  '%00',
  '\ud800',
];

export class HostileInput {
  constructor(readonly random: () => number) {}

  int(max: number): number {
    return Math.floor(this.random() * max);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  string(): string {
    switch (this.int(4)) {
      case 0:
        return this.pick(NASTY_STRINGS);
      case 1:
        return 'x'.repeat(this.pick([1, 65, 257, 5000, 100_000]));
      case 2:
        return Array.from({ length: this.int(40) }, () => String.fromCharCode(this.int(0xffff))).join('');
      default:
        return crypto.randomUUID();
    }
  }

  value(depth = 0): unknown {
    switch (this.int(depth > 2 ? 6 : 9)) {
      case 0:
        return null;
      case 1:
        return this.random() < 0.5;
      case 2:
        return this.pick([0, -1, 1.5, 2 ** 31, -(2 ** 53), Number.MAX_SAFE_INTEGER, 1e308]);
      case 3:
      case 4:
      case 5:
        return this.string();
      case 6:
        return Array.from({ length: this.int(4) }, () => this.value(depth + 1));
      default:
        return this.object(depth + 1);
    }
  }

  object(depth = 0, knownFields: string[] = []): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const fields = [
      ...knownFields,
      ...Array.from({ length: this.int(3) }, () => this.pick(['__proto__', 'constructor', 'id', 'status', this.string().slice(0, 20)])),
    ];
    for (const f of fields) if (this.random() < 0.8) out[f] = this.value(depth);
    return out;
  }

  /** A query-string value: a hostile string, or some JSON text standing where a scalar belongs. */
  queryValue(): string {
    const v = this.value();
    return (typeof v === 'string' ? v : (JSON.stringify(v) ?? 'undefined')).slice(0, 3000);
  }

  /** A request body: a hostile object over the operation's own fields, or something that is not an object at all. */
  body(knownFields: string[]): string {
    switch (this.int(6)) {
      case 0:
        return this.pick(['{', '{"a":', '[1,2', 'null', '"str"', '42', '{"a":1}}', '\u0000', '']);
      case 1:
        return JSON.stringify(this.value());
      default:
        return JSON.stringify(this.object(0, knownFields));
    }
  }
}

/** Percent-encodes the UTF-8 bytes of any string, lone surrogates included (encodeURIComponent throws on them). */
export function percentEncode(value: string): string {
  return [...Buffer.from(value, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
}
