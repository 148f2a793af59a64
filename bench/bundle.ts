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

export function benchBundle(build: AppBuild | Error): Figure[] {
  const name = 'renderer JS+CSS, gzip';
  if (build instanceof Error) return [unmeasured('bundle', name, 'KB', 250, build.message.split('\n')[0])];
  const dir = join(build.outDir, 'renderer');
  const files = filesUnder(dir).filter((f) => /\.(js|css)$/.test(f));
  let raw = 0;
  let gz = 0;
  const perFile: string[] = [];
  const byOwner = new Map<string, number>();
  for (const f of files) {
    const text = stripMapComment(readFileSync(f, 'utf8'));
    const bytes = Buffer.byteLength(text);
    const g = gzipSync(text).length;
    raw += bytes;
    gz += g;
    perFile.push(`${relative(dir, f)} ${(bytes / 1024).toFixed(1)} KB → ${(g / 1024).toFixed(1)} KB gz`);
    try {
      const map = JSON.parse(readFileSync(`${f}.map`, 'utf8'));
      for (const [owner, n] of attribute(text, map)) byOwner.set(owner, (byOwner.get(owner) ?? 0) + n);
    } catch {
      // no map (CSS from some plugins): attributed as a whole
      byOwner.set(relative(dir, f), (byOwner.get(relative(dir, f)) ?? 0) + bytes);
    }
  }
  const top = [...byOwner]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([o, n]) => `${o} ${((100 * n) / raw).toFixed(0)}%`)
    .join(', ');
  return [
    figure(
      'bundle',
      name,
      gz / 1024,
      'KB',
      250,
      `${files.length} files, ${(raw / 1024).toFixed(1)} KB minified: ${perFile.join('; ')}. Minified bytes by package (source map): ${top}. Fresh build in ${(build.ms / 1000).toFixed(1)} s`,
    ),
  ];
}
