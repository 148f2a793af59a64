/**
 * `npm run preview:web`: the renderer in a browser, backed by the real main-process handlers in
 * this Node process. Port from PORT; data from DISPATCH_DATA_DIR, else the desktop app's own
 * per-user folder (src/main/preview/user-data-dir.ts), so contacts and the call log survive a
 * restart. Run `electron-vite build` first (the npm script does).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { desktopUserDataDir } from '../src/main/preview/user-data-dir';
import { openNodeRuntime } from '../src/main/preview/node-runtime';
import { startPreviewServer } from '../src/main/preview/server';
import { startFailureText } from '../src/main/start-failure';

async function main() {
  const dataDir = dataFolder();
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const runtime = openNodeRuntime({ dataDir, echoLog: false });
  const server = await startPreviewServer({
    staticDir: resolve(__dirname, '../out/renderer'),
    handlers: runtime.core.handlers,
    subscribe: runtime.core.subscribe,
    log: runtime.log,
    port: process.env.PORT ? Number(process.env.PORT) : 0,
  });
  console.log(`Dispatch Desk preview (sandbox mode until an account is saved)`);
  console.log(
    `  data: ${dataDir}${process.env.DISPATCH_DATA_DIR ? ' (DISPATCH_DATA_DIR)' : " (the desktop app's data folder; DISPATCH_DATA_DIR picks another)"}`,
  );
  console.log(`  open: ${server.url}`);
  console.log('  (the link carries a per-launch token; Ctrl+C to stop)');
  const stop = async () => {
    await server.close();
    await runtime.core.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function dataFolder(): string {
  return process.env.DISPATCH_DATA_DIR ? resolve(process.env.DISPATCH_DATA_DIR) : desktopUserDataDir();
}

// A failed start (unwritable or locked folder) prints why, naming the folder, and exits non-zero.
main().catch((error: unknown) => {
  const text = startFailureText(error, dataFolder());
  console.error(`${text.title}\n${text.message}`);
  process.exit(1);
});
