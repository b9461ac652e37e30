import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** Who complained: personal data (个人信息), kept sealed at rest. */
export interface ComplainantIdentity {
  name: string | null;
  phone: string | null;
  email: string | null;
}

/** A sealed identity as stored: the key's id beside the ciphertext, so rotation leaves old rows readable. */
export interface SealedIdentity {
  keyId: string;
  /** base64 of iv (12 bytes) ‖ GCM tag (16 bytes) ‖ ciphertext */
  sealed: string;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * A dev-and-test key, used only when COMPLAINT_IDENTITY_KEYS is not set and NODE_ENV is not
 * production: a production service without its keys refuses to start.
 */
const DEV_KEYS = 'dev-2026:ZGV2LW9ubHktY29tcGxhaW50LWlkZW50aXR5LWtleSE=';

/**
 * AES-256-GCM for the complainant's identity. COMPLAINT_IDENTITY_KEYS lists `<keyId>:<base64 of
 * 32 bytes>` entries separated by commas, oldest first: the LAST is used to seal, every one to
 * open — rotating is appending a new key (and keeping the old ones while rows sealed with them
 * remain). Each ciphertext is bound to its complaint (the id is the GCM additional data), so a
 * sealed identity copied onto another row does not open.
 */
export class IdentityCipher {
  private readonly keys: ReadonlyMap<string, Buffer>;
  private readonly writeKey: Buffer;
  readonly writeKeyId: string;

  constructor(keys: [string, Buffer][]) {
    if (!keys.length) throw new Error('COMPLAINT_IDENTITY_KEYS lists no key');
    this.keys = new Map(keys);
    [this.writeKeyId, this.writeKey] = keys[keys.length - 1];
  }

  /** From the environment; a bad entry stops the service at start-up, naming it (never the key). */
  static fromEnv(env: NodeJS.ProcessEnv = process.env): IdentityCipher {
    const raw = env.COMPLAINT_IDENTITY_KEYS?.trim();
    if (!raw && env.NODE_ENV === 'production')
      throw new Error('COMPLAINT_IDENTITY_KEYS is required in production: <keyId>:<base64 of 32 bytes>[,…], newest last');
    const keys: [string, Buffer][] = [];
    for (const entry of (raw || DEV_KEYS).split(',')) {
      const [id, material, ...rest] = entry.trim().split(':');
      if (!id || !KEY_ID.test(id) || material === undefined || rest.length)
        throw new Error('COMPLAINT_IDENTITY_KEYS entries must be <keyId>:<base64 key>, keyId 1–32 letters, digits, _ or -');
      const key = Buffer.from(material, 'base64');
      if (key.length !== 32) throw new Error(`COMPLAINT_IDENTITY_KEYS key ${id} must be 32 bytes (AES-256) in base64, got ${key.length} bytes`);
      if (keys.some(([k]) => k === id)) throw new Error(`COMPLAINT_IDENTITY_KEYS names key ${id} twice`);
      keys.push([id, key]);
    }
    return new IdentityCipher(keys);
  }

  seal(complaintId: string, identity: ComplainantIdentity): SealedIdentity {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.writeKey, iv);
    cipher.setAAD(Buffer.from(complaintId));
    const body = Buffer.concat([cipher.update(JSON.stringify([identity.name, identity.phone, identity.email]), 'utf8'), cipher.final()]);
    return { keyId: this.writeKeyId, sealed: Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64') };
  }

  /** Opens with the key the row names; fails (naming the key id, never the content) when that key is gone or the row was tampered with. */
  open(complaintId: string, { keyId, sealed }: SealedIdentity): ComplainantIdentity {
    const key = this.keys.get(keyId);
    if (!key) throw new Error(`complainant identity of complaint ${complaintId} is sealed with key ${keyId}, which COMPLAINT_IDENTITY_KEYS no longer lists`);
    const bytes = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(complaintId));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const [name, phone, email] = JSON.parse(Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8')) as (
      string | null
    )[];
    return { name, phone, email };
  }
}
