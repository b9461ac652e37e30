import * as fs from 'node:fs';
import * as path from 'node:path';

/** The workspace root, found by walking up to the folder holding tsconfig.base.json. */
export function findWorkspaceRoot(from: string = __dirname): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'tsconfig.base.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no tsconfig.base.json above ${from}`);
    dir = parent;
  }
  return dir;
}
