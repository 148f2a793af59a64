/**
 * `npm run bench`: every performance figure with its budget, printed as a table and written to
 * bench/results.json. Not part of `npm test`. Exits 0 even when budgets are missed — it reports;
 * the list of misses at the end says which.
 *
 *   npm run bench                        everything (about four minutes on a 2-core machine)
 *   npm run bench -- --only search,store some groups: client, search, store, bundle, browser
 *   npm run bench -- --profile /tmp/p      also save Chromium CPU profiles of a reload and of typing
 *
 * Ratios (client vs fetch, ours vs naive) come from interleaved iterations of the same run, so
 * a noisy machine shifts both sides alike. Absolute figures still move with machine load; the
 * load average is recorded next to them.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { benchBrowser } from './browser';
import { buildApp, benchBundle, type AppBuild } from './bundle';
import { benchClientVsFetch } from './client-vs-fetch';
import { formatDetails, formatTable, missed, notMeasured, unmeasured, type Figure } from './report';
import { benchSearch } from './search';
import { benchStore } from './store';

const GROUPS = ['client', 'search', 'store', 'bundle', 'browser'] as const;
type Group = (typeof GROUPS)[number];

/** `--name value` or `--name=value`. */
function option(argv: readonly string[], name: string): string | undefined {
  const i = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i === -1) return undefined;
  return argv[i].includes('=') ? argv[i].slice(name.length + 1) : (argv[i + 1] ?? '');
}

function selectedGroups(argv: readonly string[]): Group[] {
  const value = option(argv, '--only');
  if (value === undefined) return [...GROUPS];
  const wanted = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = wanted.filter((g) => !(GROUPS as readonly string[]).includes(g));
  if (unknown.length) throw new Error(`unknown group(s) ${unknown.join(', ')}; known: ${GROUPS.join(', ')}`);
  return wanted as Group[];
}

/** The same order of preference as the e2e tests (scripts/find-chromium.mjs). */
function findChromium(): string | null {
  const explicit = process.env.DISPATCH_CHROMIUM;
  if (explicit) return existsSync(explicit) ? explicit : null;
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium']) if (existsSync(p)) return p;
  try {
    const own = chromium.executablePath();
    return own && existsSync(own) ? own : null;
  } catch {
    return null;
  }
}

const log = (line: string): void => void process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const groups = selectedGroups(argv);
  const profileDir = option(argv, '--profile');
  if (profileDir === '') throw new Error('--profile needs a directory');
  if (profileDir !== undefined) mkdirSync(profileDir, { recursive: true });
  const started = new Date();
  const loadBefore = os.loadavg();
  const cpus = os.cpus();
  const machine = `${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB, ${os.platform()} ${os.release()}, Node ${process.version}`;
  log(`Dispatch Desk benchmarks — ${machine}`);
  log(`load average before: ${loadBefore.map((x) => x.toFixed(2)).join(' ')} (above ${cpus.length} means other work competes for the CPU)`);

  const figures: Figure[] = [];
  const run = async (group: Group, work: () => Promise<Figure[]> | Figure[]): Promise<void> => {
    if (!groups.includes(group)) return;
    const t0 = performance.now();
    log(`▸ ${group} …`);
    try {
      figures.push(...(await work()));
    } catch (error) {
      const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
      log(`  ${group} failed: ${why}`);
      figures.push(unmeasured(group, 'the whole group', '', undefined, why));
    }
    log(`  ${group} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  };

  await run('client', () => benchClientVsFetch());
  // 50 000 as before, and 100 000 (the book's limit), which has its own, tighter, budget.
  await run('search', async () => [...(await benchSearch()), ...(await benchSearch({ contacts: 100_000, naiveRounds: 0 }))]);
  await run('store', async () => [
    ...(await benchStore()),
    ...(await benchStore({ contacts: 100_000, loads: 5, ops: 1 })).filter((f) => f.name.startsWith('load 100000')),
  ]);

  let build: AppBuild | Error | null = null;
  if (groups.includes('bundle') || groups.includes('browser')) {
    log('▸ build (electron-vite, into a temporary directory) …');
    try {
      build = buildApp();
    } catch (error) {
      build = error instanceof Error ? error : new Error(String(error));
      log(`  build failed: ${build.message}`);
    }
  }
  try {
    await run('bundle', () => benchBundle(build as AppBuild | Error));
    await run('browser', async () => {
      const executablePath = findChromium();
      if (!executablePath) {
        throw new Error('no Chromium: set DISPATCH_CHROMIUM, `apt-get install chromium`, or `npx playwright install chromium`');
      }
      log(`  Chromium: ${executablePath}`);
      return benchBrowser(build as AppBuild | Error, { executablePath, profileDir });
    });
  } finally {
    if (build && !(build instanceof Error)) rmSync(build.outDir, { recursive: true, force: true });
  }

  const loadAfter = os.loadavg();
  const out = {
    date: started.toISOString(),
    machine,
    loadAverage: { before: loadBefore, after: loadAfter },
    groups,
    figures,
    missed: missed(figures).map((f) => `${f.group}: ${f.name}`),
    notMeasured: notMeasured(figures).map((f) => `${f.group}: ${f.name}`),
  };
  writeFileSync(join(__dirname, 'results.json'), `${JSON.stringify(out, null, 2)}\n`);

  console.log('');
  console.log(`Dispatch Desk benchmarks, ${started.toISOString()}`);
  console.log(`${machine}; load average ${loadBefore[0].toFixed(2)} before, ${loadAfter[0].toFixed(2)} after`);
  console.log('');
  console.log(formatTable(figures));
  console.log('');
  console.log('How each figure was measured:');
  console.log(formatDetails(figures));
  console.log('');
  const misses = missed(figures);
  const unrun = notMeasured(figures);
  if (misses.length === 0 && unrun.length === 0) console.log('All budgets met.');
  if (misses.length > 0) {
    console.log(`MISSED ${misses.length} budget${misses.length > 1 ? 's' : ''}:`);
    for (const f of misses) console.log(`  ✗ ${f.group}: ${f.name} = ${f.value} ${f.unit} (budget ≤ ${f.budget?.max} ${f.unit})`);
  }
  if (unrun.length > 0) {
    console.log(`NOT MEASURED ${unrun.length}:`);
    for (const f of unrun) console.log(`  ? ${f.group}: ${f.name} — ${f.detail ?? ''}`);
  }
  console.log(`Results written to bench/results.json`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    // Only a bug in the benchmark itself lands here (bad arguments, say); budgets never do.
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
