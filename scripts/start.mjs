// `npm start`: builds and runs the app in sandbox mode. In Electron where the binary exists or can
// be downloaded; otherwise (machines without internet access to Electron's downloads) the same
// app in the browser preview, with a message saying so.
import { spawn, spawnSync } from 'node:child_process';
import electronBinary from './electron-binary.cjs';

const { ensureElectronBinary } = electronBinary;

const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const electron = process.env.DISPATCH_WEB_ONLY ? { error: 'DISPATCH_WEB_ONLY is set' } : ensureElectronBinary();
const [cmd, args] = electron.path ? ['npx', ['electron-vite', 'preview', '--skipBuild']] : ['npx', ['tsx', 'scripts/preview-web.ts']];
if (!electron.path) {
  console.log(`Electron is not available here: ${electron.error}.`);
  console.log('Starting the browser preview instead (same app, same main-process code).');
}
const child = spawn(cmd, args, { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
