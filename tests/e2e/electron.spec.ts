/**
 * Smoke test of the real Electron window. Needs the Electron binary, which cannot be downloaded
 * on machines without internet access to Electron's releases: there the test is skipped and says
 * why. On a developer laptop it downloads the binary (once) and runs.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- plain CommonJS helper shared with `npm start`
const { ensureElectronBinary } = require('../../scripts/electron-binary.cjs') as {
  ensureElectronBinary(): { path?: string; error?: string };
};

test('the Electron window opens in sandbox mode with a locked-down renderer', async () => {
  const binary = ensureElectronBinary();
  if (!binary.path) console.warn(`[electron smoke] skipped: ${binary.error}`);
  test.skip(!binary.path, `Electron smoke test skipped: ${binary.error}`);

  const userData = mkdtempSync(join(tmpdir(), 'dispatch-electron-'));
  const app = await electron.launch({
    executablePath: binary.path,
    // Chromium refuses to start as root with its OS sandbox (CI runs as root); the renderer's own
    // `sandbox: true` web preference is what the app sets and what this test is about.
    args: [resolve(__dirname, '../../out/main/index.js'), ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    env: { ...process.env, DISPATCH_DATA_DIR: userData },
  });
  try {
    const page = await app.firstWindow();
    await expect(page.getByTestId('mode-badge')).toHaveText('沙箱 / Sandbox');
    const surface = await page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      dispatch: Object.keys((window as unknown as { dispatch: object }).dispatch).sort(),
    }));
    expect(surface.require).toBe('undefined');
    expect(surface.process).toBe('undefined');
    expect(surface.dispatch.length).toBeGreaterThan(0);
  } finally {
    await app.close();
  }
});

test('the tray exists, and a dispatchdesk: link opened through a second instance shows the dial confirmation', async () => {
  const binary = ensureElectronBinary();
  if (!binary.path) console.warn(`[electron smoke] skipped: ${binary.error}`);
  test.skip(!binary.path, `Electron smoke test skipped: ${binary.error}`);

  const userData = mkdtempSync(join(tmpdir(), 'dispatch-electron-'));
  const mainJs = resolve(__dirname, '../../out/main/index.js');
  const sandboxArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const env = { ...process.env, DISPATCH_DATA_DIR: userData, DISPATCH_E2E_HOOKS: '1' };
  const app = await electron.launch({ executablePath: binary.path, args: [mainJs, ...sandboxArgs], env });
  try {
    const page = await app.firstWindow();
    await expect(page.getByTestId('mode-badge')).toBeVisible();
    const hasTray = await app.evaluate(() => (globalThis as unknown as { dispatchDeskShell?: { hasTray(): boolean } }).dispatchDeskShell?.hasTray() ?? false);
    expect(hasTray).toBe(true);

    // The second instance finds the lock (same data folder), hands over its argv and exits.
    const second = spawn(binary.path!, [mainJs, ...sandboxArgs, 'dispatchdesk://dial/13700000001'], { env, stdio: 'ignore' });
    const exitCode = await new Promise<number | null>((done) => second.once('exit', done));
    expect(exitCode).toBe(0);
    await expect(page.getByTestId('dial-request-sheet')).toBeVisible();
    await expect(page.getByTestId('dial-request-number')).toHaveText('137 0000 0001');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('dial-request-sheet')).toBeHidden();
  } finally {
    await app.close();
  }
});
