import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { devSignInMode } from './dev-sign-in-mode';

describe('local mode (dev sign-in)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-keys-'));
  const key = path.join(dir, 'jwt-private.pem');
  fs.writeFileSync(key, 'not read here');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is on with the dev private key outside production', () => {
    expect(devSignInMode({ NODE_ENV: 'development', JWT_PRIVATE_KEY_FILE: key })).toEqual({ enabled: true, reason: 'local mode', privateKeyFile: key });
  });

  it('is off in production even with a key, when switched off, and without a key', () => {
    expect(devSignInMode({ NODE_ENV: 'production', JWT_PRIVATE_KEY_FILE: key }).enabled).toBe(false);
    expect(devSignInMode({ PORTAL_DEV_SIGN_IN: 'false', JWT_PRIVATE_KEY_FILE: key }).enabled).toBe(false);
    const missing = devSignInMode({ JWT_PRIVATE_KEY_FILE: path.join(dir, 'none.pem') });
    expect(missing).toMatchObject({ enabled: false, privateKeyFile: null });
    expect(missing.reason).toContain('no dev private key');
  });
});
