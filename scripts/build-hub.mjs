// Bundles the hub for deployment (deploy/hub/Dockerfile, the systemd unit): one CommonJS file plus
// its SQL migrations and a package.json naming only the npm packages the bundle imports, so the
// runtime needs neither tsx, TypeScript nor any of the desk's packages.
//
//   node scripts/build-hub.mjs [outDir]     (default out/hub)
//   cd out/hub && npm install --omit=dev && node hub/cli.cjs
import { build } from 'esbuild';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = resolve(process.argv[2] ?? join(root, 'out', 'hub'));
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const result = await build({
  entryPoints: [join(root, 'src/hub/cli.ts')],
  // src/hub/db/migrate.ts finds the SQL files at `<its folder>/../migrations`: keep that shape
  // (hub/cli.cjs + migrations/).
  outfile: join(outDir, 'hub', 'cli.cjs'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
});
cpSync(join(root, 'src/hub/migrations'), join(outDir, 'migrations'), { recursive: true });

// The packages the bundle imports, at the versions the repository pins.
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
/** @type {Set<string>} */
const imported = new Set();
for (const output of Object.values(result.metafile.outputs)) {
  for (const { path, external } of output.imports) {
    if (!external || path.startsWith('node:')) continue;
    const name = path.startsWith('@') ? path.split('/').slice(0, 2).join('/') : path.split('/')[0];
    imported.add(name);
  }
}
/** @type {Record<string, string>} */
const dependencies = {};
for (const name of [...imported].sort()) {
  const version = pkg.dependencies?.[name];
  if (version) dependencies[name] = version;
  else if (!isBuiltin(name)) throw new Error(`the hub imports ${name}, which is not in package.json's dependencies`);
}
writeFileSync(
  join(outDir, 'package.json'),
  JSON.stringify(
    { name: 'dispatch-hub', version: pkg.version, private: true, license: pkg.license, main: 'hub/cli.cjs', engines: pkg.engines, dependencies },
    null,
    2,
  ) + '\n',
);
console.log(`hub bundled into ${outDir} (imports: ${Object.keys(dependencies).join(', ')})`);

/** @param {string} name */
function isBuiltin(name) {
  return [
    'fs',
    'path',
    'os',
    'crypto',
    'http',
    'https',
    'net',
    'url',
    'util',
    'events',
    'stream',
    'zlib',
    'child_process',
    'worker_threads',
    'timers',
    'dns',
    'tls',
    'buffer',
    'assert',
  ].includes(name);
}
