/**
 * `npm run package:check`: proves that what the installers would ship is complete, without the
 * Electron binary (which cannot be downloaded here). It builds the app, packs it with electron-builder
 * using electron-builder.yml and a stand-in Electron folder (an executable named `electron` plus the
 * two licence files, nothing else), then opens dist/linux-unpacked/resources/app.asar and fails if
 *   - package.json's `main` is not in it;
 *   - out/main or out/preload requires a module that is neither a Node built-in, `electron`, nor in
 *     the asar's node_modules (the "works from source, crashes when installed" failure);
 *   - it holds a devDependency, tests, TypeScript sources, source maps, .env files or bench data;
 *   - it is larger than ASAR_BUDGET_BYTES;
 *   - an icon a target needs is missing or has the wrong sizes.
 * Offline: the stand-in replaces the Electron download, npmRebuild is off (no native modules), and
 * the `dir` target needs none of electron-builder's downloadable tools (NSIS, AppImage runtime).
 *
 * Flags: --skip-build (use the existing out/), --keep (print and keep the temporary folder).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as asar from '@electron/asar';
import { Arch, build, Platform, type Configuration } from 'electron-builder';
import { load } from 'js-yaml';
import { forbiddenEntries, normaliseAsarPath } from './package/asar-rules';
import { icnsTypes, icoSizes, pngSize, REQUIRED_ICONS } from './package/icon-files';
import { moduleRequests, resolveInAsar } from './package/module-requests';

/**
 * The packaged app's budget. Measured 2026-11-29: 59.3 MB before this check existed (every
 * production dependency, hub's fastify/pglite/pg included, packed into node_modules), 1.2 MB of it
 * the app itself. Now main bundles the few libraries it uses and the asar holds no node_modules:
 * about 3 MB. The budget leaves room for growth, not for a node_modules folder sneaking back.
 */
export const ASAR_BUDGET_BYTES = 6 * 1024 * 1024;

const root = resolve(__dirname, '..');
const args = new Set(process.argv.slice(2));
const failures: string[] = [];
const fail = (message: string) => failures.push(message);
const started = performance.now();
const timings: string[] = [];
const step = async <T>(name: string, run: () => Promise<T> | T): Promise<T> => {
  const t0 = performance.now();
  const result = await run();
  timings.push(`${name} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return result;
};

async function main() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Configuration;

  if (!args.has('--skip-build')) {
    await step('build', () => execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'pipe' }));
  }

  const work = mkdtempSync(join(tmpdir(), 'dispatch-package-check-'));
  try {
    const standIn = join(work, 'electron-stand-in');
    mkdirSync(standIn);
    writeFileSync(join(standIn, 'electron'), '#!/bin/sh\necho "stand-in Electron for npm run package:check" >&2\nexit 1\n');
    chmodSync(join(standIn, 'electron'), 0o755);
    writeFileSync(join(standIn, 'LICENSE'), 'stand-in\n');
    writeFileSync(join(standIn, 'LICENSES.chromium.html'), '<p>stand-in</p>\n');
    // electronLanguages prunes Chromium's locale packs, so the stand-in has a few (empty) ones.
    mkdirSync(join(standIn, 'locales'));
    for (const locale of ['en-US', 'zh-CN', 'fr']) writeFileSync(join(standIn, 'locales', `${locale}.pak`), '');

    const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
    const output = join(work, 'dist');
    await step('pack', () =>
      build({
        projectDir: root,
        targets: Platform.LINUX.createTarget('dir', Arch.x64),
        publish: 'never',
        config: {
          ...config,
          electronDist: standIn,
          electronVersion,
          directories: { ...config.directories, output },
          // Fuses are flipped by patching the real binary; the stand-in has no fuse wire.
          // tests/unit/packaging/builder-config.test.ts checks the fuse settings in the yml.
          electronFuses: null,
          npmRebuild: false,
          nodeGypRebuild: false,
        },
      }),
    );

    const archive = join(output, 'linux-unpacked', 'resources', 'app.asar');
    if (!existsSync(archive)) throw new Error(`electron-builder did not produce ${archive}`);
    const size = statSync(archive).size;
    await step('inspect', () => inspectAsar(archive, pkg));
    if (size > ASAR_BUDGET_BYTES) fail(`app.asar is ${mb(size)}, over the budget of ${mb(ASAR_BUDGET_BYTES)}`);
    checkIcons(config);

    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`package:check: app.asar ${mb(size)} (budget ${mb(ASAR_BUDGET_BYTES)}); ${timings.join(', ')}; total ${seconds} s`);
    if (args.has('--keep')) console.log(`package:check: kept ${work}`);
  } finally {
    if (!args.has('--keep')) rmSync(work, { recursive: true, force: true });
  }

  if (failures.length > 0) {
    console.error(`package:check FAILED (${failures.length}):\n${failures.map((f) => `  - ${f}`).join('\n')}`);
    process.exit(1);
  }
  console.log('package:check: ok');
}

function inspectAsar(archive: string, pkg: { main: string; devDependencies: Record<string, string> }) {
  const files = new Set(asar.listPackage(archive, { isPack: false }).map(normaliseAsarPath));
  const read = (path: string) => asar.extractFile(archive, path.slice(1));

  const packedPkg = JSON.parse(read('/package.json').toString('utf8'));
  const mainPath = normaliseAsarPath(String(packedPkg.main ?? '').replace(/^\.\//, ''));
  if (!packedPkg.main || !files.has(mainPath)) fail(`package.json main "${packedPkg.main}" is not in the asar`);

  for (const file of files) {
    if (!/^\/out\/(main|preload)\/.*\.[cm]?js$/.test(file)) continue;
    for (const request of moduleRequests(read(file).toString('utf8'), file)) {
      if ('dynamic' in request) {
        fail(`${file} requires a computed module name (${request.dynamic}); the check cannot prove it is shipped`);
        continue;
      }
      const resolution = resolveInAsar(request.specifier, file, files);
      if (!resolution.ok) fail(resolution.reason);
    }
  }
  for (const entry of forbiddenEntries(files, Object.keys(pkg.devDependencies))) fail(`${entry.path} is in the asar (${entry.rule})`);
  for (const state of REQUIRED_ICONS.trayStates) {
    for (const suffix of ['', '@2x', 'Template', 'Template@2x']) {
      const path = `/resources/tray/${state}${suffix}.png`;
      if (!files.has(path)) fail(`tray icon ${path} is not in the asar`);
    }
  }
  if (!files.has('/out/renderer/favicon.png')) fail('the renderer favicon is not in the asar');
}

function checkIcons(config: Configuration) {
  const at = (path: string) => join(root, path);
  const need = (path: string | null | undefined, label: string): Buffer | null => {
    if (!path || !existsSync(at(path))) {
      fail(`${label}: ${path ?? '(not configured)'} is missing`);
      return null;
    }
    return statSync(at(path)).isFile() ? readFileSync(at(path)) : null;
  };
  const linuxDir = config.linux?.icon ?? undefined;
  if (!linuxDir || !existsSync(at(linuxDir))) fail(`linux.icon folder ${linuxDir} is missing`);
  else {
    for (const size of REQUIRED_ICONS.linuxPngSizes) {
      const file = join(linuxDir, `${size}x${size}.png`);
      const bytes = need(file, 'Linux icon');
      const dims = bytes && pngSize(bytes);
      if (bytes && (!dims || dims.width !== size || dims.height !== size)) fail(`${file} is not a ${size}×${size} PNG`);
    }
  }
  for (const [label, path] of [
    ['win.icon', config.win?.icon],
    ['nsis.installerIcon', config.nsis?.installerIcon],
    ['nsis.uninstallerIcon', config.nsis?.uninstallerIcon],
  ] as const) {
    const ico = need(path, label);
    if (ico) {
      const missing = REQUIRED_ICONS.icoSizes.filter((size) => !icoSizes(ico).includes(size));
      if (missing.length > 0) fail(`${label} ${path} lacks sizes ${missing.join(', ')}`);
    }
  }
  const icns = need(config.mac?.icon, 'mac.icon');
  if (icns) {
    const missing = REQUIRED_ICONS.icnsTypes.filter((type) => !icnsTypes(icns).includes(type));
    if (missing.length > 0) fail(`mac.icon ${config.mac?.icon} lacks ${missing.join(', ')}`);
  }
  for (const state of REQUIRED_ICONS.trayStates) {
    for (const [suffix, size] of [
      ['', 16],
      ['@2x', 32],
      ['Template', 16],
      ['Template@2x', 32],
    ] as const) {
      const file = `resources/tray/${state}${suffix}.png`;
      const bytes = need(file, 'tray icon');
      const dims = bytes && pngSize(bytes);
      if (bytes && (!dims || dims.width !== size)) fail(`${file} is not ${size} px wide`);
    }
  }
  const include = config.nsis?.include;
  if (include && !existsSync(at(include))) fail(`nsis.include ${include} is missing`);
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

main().catch((error) => {
  console.error('package:check could not run:', error instanceof Error ? error.stack : error);
  process.exit(1);
});
