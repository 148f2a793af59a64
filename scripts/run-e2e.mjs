// Builds the app and runs the Playwright suites against a Chromium found by find-chromium.mjs.
// Fails (never skips) when there is no browser: a green run must mean the e2e tests ran.
import { spawnSync } from 'node:child_process';
import { CHROMIUM_ENV, findChromium, NO_CHROMIUM_HELP } from './find-chromium.mjs';

const browser = await findChromium();
if (!browser) {
  console.error(NO_CHROMIUM_HELP);
  process.exit(1);
}
console.log(`e2e: using Chromium at ${browser.path} (${browser.source})`);

/** @param {string} cmd @param {string[]} args */
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, [CHROMIUM_ENV]: browser.path } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run('npx', ['electron-vite', 'build']);
run('npx', ['playwright', 'test', ...process.argv.slice(2)]);
