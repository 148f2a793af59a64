/**
 * Runs the app's main side (the same core the Electron entry point builds) in the test's Node
 * process, serves the built renderer through the preview server, and opens it in Chromium. The
 * sandbox simulator is in-process too, so tests can read every request it received.
 */
import { test as base, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { openNodeRuntime, type NodeRuntime } from '../../../src/main/preview/node-runtime';
import { startPreviewServer, type PreviewServer } from '../../../src/main/preview/server';
import { createSandbox, type Sandbox } from '../../../src/main/sandbox/sandbox';
import type { Simulator } from '../../../src/simulator';

export interface DispatchApp {
  page: Page;
  runtime: NodeRuntime;
  server: PreviewServer;
  sandbox: Sandbox;
  /** The sandbox simulator (started on first call). */
  simulator(): Promise<Simulator>;
  /** Reopens the page (a reload keeps the token in sessionStorage). */
  reload(): Promise<void>;
}

export interface DispatchOptions {
  /**
   * Files (relative path → bytes) written into the fresh data dir before the runtime opens it:
   * damaged stores for the data-safety tests. `test.use({ dataDirFiles: { 'settings.json': '' } })`.
   */
  dataDirFiles: Record<string, string | Buffer>;
  /**
   * How long the simulator's phones ring and talk. Fast by default, so a test sees ringing →
   * answered → ended within a couple of seconds; a test that needs a conference still on the line
   * (the countdown) lets them talk longer.
   */
  simulatorProgress: { ringingMs: number; answeredMs: number };
}

export const STATIC_DIR = resolve(__dirname, '../../../out/renderer');

export const test = base.extend<{ app: DispatchApp } & DispatchOptions>({
  dataDirFiles: [{}, { option: true }],
  simulatorProgress: [{ ringingMs: 600, answeredMs: 900 }, { option: true }],
  app: async ({ page, dataDirFiles, simulatorProgress }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dispatch-e2e-'));
    for (const [name, bytes] of Object.entries(dataDirFiles)) {
      const file = join(dataDir, name);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, bytes);
    }
    const sandbox = createSandbox({ progress: simulatorProgress, recordRequests: 1000 });
    const runtime = openNodeRuntime({ dataDir, sandbox, timeoutMs: 3000 });
    const server = await startPreviewServer({ staticDir: STATIC_DIR, handlers: runtime.core.handlers, subscribe: runtime.core.subscribe, log: runtime.log });
    await page.goto(server.url);
    await use({
      page,
      runtime,
      server,
      sandbox,
      simulator: async () => {
        const sim = sandbox.simulator();
        if (!sim) throw new Error('the sandbox simulator has not been started yet');
        return sim;
      },
      reload: async () => {
        await page.reload();
      },
    });
    await server.close();
    await runtime.core.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
