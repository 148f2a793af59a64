/**
 * The renderer bundle: `electron-vite build` into a fresh temporary directory (so a benchmark
 * never races a test run or a developer over `out/`, and never measures a stale build), then
 * every .js and .css file under renderer/ gzipped (zlib default level, as servers and Vite's
 * own report use). Built with source maps so the bytes can be attributed to packages; the
 * sourceMappingURL comment is stripped before measuring, so the figure is the shipped size.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { tempDir } from './fixtures';
import { figure, unmeasured, type Figure } from './report';

export interface AppBuild {
  outDir: string;
  ms: number;
}

const ROOT = join(__dirname, '..');

/** Throws with the build's output when it fails (another engineer's half-finished edit, say). */
export function buildApp(): AppBuild {
  const outDir = tempDir('dispatch-bench-build-');
  const t0 = performance.now();
  const r = spawnSync('npx', ['electron-vite', 'build', '--outDir', outDir, '--sourcemap', '--logLevel', 'warn'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`electron-vite build failed (exit ${r.status}):\n${(r.stdout ?? '') + (r.stderr ?? '')}`.trim());
  return { outDir, ms: performance.now() - t0 };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

const stripMapComment = (text: string): string => text.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '').replace(/\n?\/\*# sourceMappingURL=\S+ \*\/\s*$/, '');

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = new Map([...B64].map((c, i) => [c, i]));

/** Decodes one segment's VLQ fields. */
function vlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const d = B64_VALUE.get(ch) ?? 0;
    value += (d & 31) << shift;
    if (d & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** `node_modules/@scope/pkg/…` → `@scope/pkg`; our own sources → `app (src/…)`. */
function ownerOf(source: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (m) return m[1];
  const s = /src\/(shared|renderer)\//.exec(source);
  return s ? `app: src/${s[1]}` : 'other';
}

/** Minified bytes per package, from the source map: each mapped span belongs to its source. */
export function attribute(code: string, map: { sources: string[]; mappings: string }): Map<string, number> {
  const owners = map.sources.map(ownerOf);
  const bytes = new Map<string, number>();
  const lines = code.split('\n');
  const mapLines = map.mappings.split(';');
  let src = 0;
  for (let l = 0; l < mapLines.length && l < lines.length; l++) {
    let col = 0;
    const spans: Array<[number, number]> = [];
    for (const seg of mapLines[l].split(',')) {
      if (!seg) continue;
      const f = vlq(seg);
      col += f[0];
      if (f.length >= 4) src += f[1];
      spans.push([col, f.length >= 4 ? src : -1]);
    }
    for (let k = 0; k < spans.length; k++) {
      const [start, s] = spans[k];
      const end = k + 1 < spans.length ? spans[k + 1][0] : lines[l].length;
      const owner = s >= 0 ? owners[s] : 'unmapped';
      bytes.set(owner, (bytes.get(owner) ?? 0) + Math.max(0, end - start));
    }
  }
  return bytes;
}

/**
 * The first screen's JS + CSS, gzipped (issue 10 §6). Was 250 KB; 144.6 KB once phone numbers use
 * China-only metadata (scripts/phone-metadata.mjs); 173.7 KB after the issue 10 merge, about 147 KB
 * once the other tabs, the sheets and the English words load on first use, about 140 KB once the
 * contact list positions its rows itself (no virtualizer library on the first screen). Anything not needed on
 * the first screen (charts, say) is loaded lazily and counted here only if it lands in the first files.
 */
export const BUNDLE_BUDGET_KB = 150;

/**
 * The files index.html loads before anything renders: its module script, stylesheets and
 * modulepreloads (the entry chunk's static imports). Chunks behind a dynamic import() are not
 * among them: they load when first used.
 */
export function firstScreenFiles(dir: string): string[] {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\.?\/?([^"]+\.(?:js|css))"/g)].map((m) => join(dir, m[1]));
  return [...new Set(refs)];
}

interface Measured {
  raw: number;
  gz: number;
  perFile: string[];
  byOwner: Map<string, number>;
}

function measure(dir: string, files: readonly string[]): Measured {
  const m: Measured = { raw: 0, gz: 0, perFile: [], byOwner: new Map() };
  for (const f of files) {
    const text = stripMapComment(readFileSync(f, 'utf8'));
    const bytes = Buffer.byteLength(text);
    const g = gzipSync(text).length;
    m.raw += bytes;
    m.gz += g;
    m.perFile.push(`${relative(dir, f)} ${(bytes / 1024).toFixed(1)} KB → ${(g / 1024).toFixed(1)} KB gz`);
    try {
      const map = JSON.parse(readFileSync(`${f}.map`, 'utf8'));
      for (const [owner, n] of attribute(text, map)) m.byOwner.set(owner, (m.byOwner.get(owner) ?? 0) + n);
    } catch {
      // no map (CSS from some plugins): attributed as a whole
      m.byOwner.set(relative(dir, f), (m.byOwner.get(relative(dir, f)) ?? 0) + bytes);
    }
  }
  return m;
}

const topOwners = (m: Measured): string =>
  [...m.byOwner]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([o, n]) => `${o} ${((100 * n) / m.raw).toFixed(0)}%`)
    .join(', ');

export function benchBundle(build: AppBuild | Error): Figure[] {
  const name = 'renderer first screen JS+CSS, gzip';
  if (build instanceof Error) return [unmeasured('bundle', name, 'KB', BUNDLE_BUDGET_KB, build.message.split('\n')[0])];
  const dir = join(build.outDir, 'renderer');
  const all = filesUnder(dir).filter((f) => /\.(js|css)$/.test(f));
  const first = firstScreenFiles(dir);
  const lazy = all.filter((f) => !first.includes(f));
  const f = measure(dir, first);
  const l = measure(dir, lazy);
  return [
    figure(
      'bundle',
      name,
      f.gz / 1024,
      'KB',
      BUNDLE_BUDGET_KB,
      `the ${first.length} files index.html loads, ${(f.raw / 1024).toFixed(1)} KB minified: ${f.perFile.join('; ')}. Minified bytes by package (source map): ${topOwners(f)}. Fresh build in ${(build.ms / 1000).toFixed(1)} s`,
    ),
    figure(
      'bundle',
      'renderer lazy chunks JS+CSS, gzip',
      l.gz / 1024,
      'KB',
      undefined,
      lazy.length === 0
        ? 'none'
        : `${lazy.length} files loaded on first use, ${(l.raw / 1024).toFixed(1)} KB minified: ${l.perFile.join('; ')}. By package: ${topOwners(l)}`,
    ),
  ];
}
