import * as path from 'node:path';
import * as fs from 'node:fs';

/**
 * Webpack aliases for the workflow bundle: workflow code imports `@cityworks/contracts`, which
 * must resolve to the TypeScript source in tests and to the compiled JS in production.
 */
export function workspaceAliases(workspaceRoot: string, compiled: boolean): Record<string, string> {
  const tsconfig = JSON.parse(fs.readFileSync(path.join(workspaceRoot, 'tsconfig.base.json'), 'utf8'));
  const aliases: Record<string, string> = {};
  for (const [alias, [target]] of Object.entries<string[]>(tsconfig.compilerOptions.paths)) {
    aliases[alias] = compiled ? path.join(workspaceRoot, 'dist', target.replace(/\.ts$/, '.js')) : path.join(workspaceRoot, target);
  }
  return aliases;
}

export { findWorkspaceRoot } from '@cityworks/platform';

/** A webpackConfigHook for Temporal's bundler that adds the workspace aliases. */
export function aliasWorkspaceLibs(workspaceRoot: string, compiled: boolean) {
  const aliases = workspaceAliases(workspaceRoot, compiled);
  return <C extends { resolve?: { alias?: unknown } }>(config: C): C => ({
    ...config,
    resolve: { ...config.resolve, alias: { ...(config.resolve?.alias as object), ...aliases } },
  });
}
