import { Role, Roles } from '@cityworks/contracts';
import { readsIdentityInClear } from './identity-access';
import { randomBytes } from 'node:crypto';
import { IdentityCipher } from './identity-cipher';
import { maskIdentity } from './masking';

const key = () => randomBytes(32).toString('base64');
const identity = { name: '王女士', phone: '13812345678', email: 'wang@example.com' };

describe('IdentityCipher (AES-256-GCM, rotatable)', () => {
  it('seals with the newest key and opens what it sealed, bound to its complaint', () => {
    const cipher = IdentityCipher.fromEnv({ COMPLAINT_IDENTITY_KEYS: `k1:${key()},k2:${key()}` });
    const sealed = cipher.seal('c1', identity);
    expect(sealed.keyId).toBe('k2');
    expect(sealed.sealed).not.toContain('王');
    expect(Buffer.from(sealed.sealed, 'base64').toString('utf8')).not.toContain('13812345678');
    expect(cipher.open('c1', sealed)).toEqual(identity);
    expect(() => cipher.open('c2', sealed)).toThrow(/unable to authenticate|Unsupported state/);
    // two seals of the same identity differ (random IV)
    expect(cipher.seal('c1', identity).sealed).not.toBe(sealed.sealed);
  });

  it('keeps rows sealed with an older key readable after rotation, and names a key no longer listed', () => {
    const k1 = key();
    const before = IdentityCipher.fromEnv({ COMPLAINT_IDENTITY_KEYS: `k1:${k1}` });
    const old = before.seal('c1', identity);
    const after = IdentityCipher.fromEnv({ COMPLAINT_IDENTITY_KEYS: `k1:${k1},k2:${key()}` });
    expect(after.open('c1', old)).toEqual(identity);
    expect(after.seal('c1', identity).keyId).toBe('k2');
    expect(() => IdentityCipher.fromEnv({ COMPLAINT_IDENTITY_KEYS: `k2:${key()}` }).open('c1', old)).toThrow(
      'complainant identity of complaint c1 is sealed with key k1, which COMPLAINT_IDENTITY_KEYS no longer lists',
    );
  });

  it('refuses bad configuration by name, and starts without keys only outside production', () => {
    expect(() => IdentityCipher.fromEnv({ COMPLAINT_IDENTITY_KEYS: 'k1:c2hvcnQ=' })).toThrow(
      'COMPLAINT_IDENTITY_KEYS key k1 must be 32 bytes (AES-256) in base64, got 5 bytes',
    );
    expect(() => IdentityCipher.fromEnv({ COMPLAINT_IDENTITY_KEYS: `k1:${key()},k1:${key()}` })).toThrow('names key k1 twice');
    expect(() => IdentityCipher.fromEnv({ COMPLAINT_IDENTITY_KEYS: 'no-key' })).toThrow(/entries must be <keyId>:<base64 key>/);
    expect(() => IdentityCipher.fromEnv({ NODE_ENV: 'production' })).toThrow(/required in production/);
    expect(IdentityCipher.fromEnv({ NODE_ENV: 'test' }).writeKeyId).toBe('dev-2026');
  });
});

describe('maskIdentity (脱敏)', () => {
  it('keeps a first character, the phone’s ends and the mail domain', () => {
    expect(maskIdentity(identity)).toEqual({ name: '王**', phone: '138****5678', email: 'w***@example.com' });
    expect(maskIdentity({ name: '李', phone: '0412-2345678', email: null })).toEqual({ name: '李*', phone: '041****5678', email: null });
  });
});

describe('readsIdentityInClear', () => {
  const c = { departmentCode: 'AS-ZJJ', reviewDepartmentCode: 'AS-TD-GGB' };
  const user = (departmentCode: string, ...roles: Role[]) => ({ userId: 'u', departmentCode, regionCode: '210300', roles });
  it('lets the handling department’s handlers, the reviewing 工改办 and the reform office read it; nobody else', () => {
    expect(readsIdentityInClear(user('AS-ZJJ', Roles.complaintHandler), c)).toBe(true);
    expect(readsIdentityInClear(user('AS-TD-GGB', Roles.complaintHandler), c)).toBe(true);
    expect(readsIdentityInClear(user('AS-GGB', Roles.reformOffice), c)).toBe(true);
    expect(readsIdentityInClear(user('AS-ZJJ', Roles.auditor), c)).toBe(false);
    expect(readsIdentityInClear(user('AS-12345', Roles.system), c)).toBe(false);
    expect(readsIdentityInClear(user('AS-STHJJ', Roles.complaintHandler), c)).toBe(false);
  });
});
