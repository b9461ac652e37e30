import * as fs from 'node:fs';
import * as path from 'node:path';
import { findWorkspaceRoot } from '@cityworks/platform';

export interface DevSignInMode {
  enabled: boolean;
  /** why not, for the log and the sign-in page */
  reason: string;
  privateKeyFile: string | null;
}

/**
 * 本地模式 only: the department-and-role picker that mints a dev token. On when NODE_ENV is not
 * `production`, PORTAL_DEV_SIGN_IN is not `false`, and the dev private key exists
 * (JWT_PRIVATE_KEY_FILE, else .local/keys/jwt-private.pem made by deploy/local/dev-keys.sh).
 * A production deployment has no private key beside the portal, so it cannot mint anything.
 */
export function devSignInMode(env: NodeJS.ProcessEnv = process.env): DevSignInMode {
  if (env.NODE_ENV === 'production') return { enabled: false, reason: 'NODE_ENV is production', privateKeyFile: null };
  if (env.PORTAL_DEV_SIGN_IN === 'false') return { enabled: false, reason: 'PORTAL_DEV_SIGN_IN is false', privateKeyFile: null };
  let root: string;
  try {
    root = findWorkspaceRoot();
  } catch {
    root = process.cwd();
  }
  const file = env.JWT_PRIVATE_KEY_FILE ?? path.join(root, '.local/keys/jwt-private.pem');
  if (!fs.existsSync(file)) return { enabled: false, reason: `no dev private key at ${file}`, privateKeyFile: null };
  return { enabled: true, reason: 'local mode', privateKeyFile: file };
}

export const DEV_SIGN_IN_MODE = Symbol('DEV_SIGN_IN_MODE');
