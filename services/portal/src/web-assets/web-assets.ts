import * as fs from 'node:fs';
import * as path from 'node:path';
import { findWorkspaceRoot } from '@cityworks/platform';

export interface WebAssets {
  dir: string;
  built: boolean;
}

/** Where the Vite build is: PORTAL_WEB_DIR, else dist/services/portal/web of the workspace. */
export function webAssets(env: NodeJS.ProcessEnv = process.env): WebAssets {
  let root: string;
  try {
    root = findWorkspaceRoot();
  } catch {
    root = process.cwd();
  }
  const dir = env.PORTAL_WEB_DIR ?? path.join(root, 'dist/services/portal/web');
  return { dir, built: fs.existsSync(path.join(dir, 'index.html')) };
}

export const WEB_ASSETS = Symbol('WEB_ASSETS');
