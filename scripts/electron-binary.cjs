// Is the Electron binary here, and if not, can it be fetched? Used by `npm start` and by the
// Electron smoke test, which must skip with a reason where the binary cannot be had.
// CommonJS so that both the .mjs scripts and Playwright's TypeScript tests can load it.
const { existsSync, readFileSync } = require('node:fs');
const { spawnSync } = require('node:child_process');
const { dirname, join } = require('node:path');

function electronDir() {
  return dirname(require.resolve('electron/package.json'));
}

function electronBinaryPath() {
  const dir = electronDir();
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : null;
}

/** Returns `{ path }`, downloading the binary first if possible, else `{ error }` saying why not. */
function ensureElectronBinary() {
  const existing = electronBinaryPath();
  if (existing) return { path: existing };
  const result = spawnSync(process.execPath, [join(electronDir(), 'install.js')], {
    encoding: 'utf8',
    timeout: 180000,
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' },
  });
  const after = electronBinaryPath();
  if (after) return { path: after };
  const output = `${result.stderr || ''}${result.stdout || ''}`.trim().split('\n');
  const reason = output.find((line) => /Error/.test(line)) || `install exited with ${result.status}`;
  return { error: `the Electron binary is not installed and could not be downloaded (${reason.trim().slice(0, 200)})` };
}

module.exports = { electronBinaryPath, ensureElectronBinary };
