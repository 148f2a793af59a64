/**
 * What must never be shipped inside app.asar, as rules over the asar's file list (paths start with
 * `/`, separators `/`).
 */
import { posix } from 'node:path';

export interface ForbiddenEntry {
  path: string;
  rule: string;
}

const PATH_RULES: Array<{ rule: string; test: (path: string) => boolean }> = [
  { rule: 'TypeScript source', test: (p) => /\.(ts|tsx|mts|cts)$/.test(p) },
  { rule: 'source map', test: (p) => p.endsWith('.map') },
  { rule: 'environment file', test: (p) => /^\.env(\..*)?$/.test(posix.basename(p)) },
  { rule: 'test file', test: (p) => /\.(test|spec)\.[cm]?[jt]sx?$/.test(p) || /^\/(tests?|test-results|playwright-report)\//.test(p) },
  { rule: 'repository folder that is not the app', test: (p) => /^\/(src|bench|scripts|security|build|\.ci|\.tmp|dist)\//.test(p) },
  { rule: 'bench or generated data', test: (p) => /\.(jsonl|journal|csv)$/.test(p) || p.endsWith('/results.json') },
];

export function forbiddenEntries(files: Iterable<string>, devDependencies: Iterable<string>): ForbiddenEntry[] {
  const devPrefixes = [...devDependencies].map((name) => `/node_modules/${name}/`);
  const found: ForbiddenEntry[] = [];
  for (const path of files) {
    for (const { rule, test } of PATH_RULES) if (test(path)) found.push({ path, rule });
    const dev = devPrefixes.find((prefix) => path.startsWith(prefix));
    if (dev) found.push({ path, rule: `devDependency ${dev.slice('/node_modules/'.length, -1)}` });
  }
  return found;
}

/** The asar listing in the form the rules expect, whatever the platform's separator. */
export function normaliseAsarPath(path: string): string {
  const slashed = path.replace(/\\/g, '/');
  return slashed.startsWith('/') ? slashed : `/${slashed}`;
}
