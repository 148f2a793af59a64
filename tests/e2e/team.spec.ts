/**
 * Team mode end to end: a real hub process (PGlite, sandbox mode with its simulator sending
 * bills) and TWO desk previews (each the real main side in this process, its renderer in
 * Chromium), signed in through the Settings page like a dispatcher would.
 *
 * Desk A is a dispatcher, desk B a supervisor (sees the whole team's calls and the board).
 */
import { test, expect, type Browser, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openNodeRuntime, type NodeRuntime } from '../../src/main/preview/node-runtime';
import { startPreviewServer, type PreviewServer } from '../../src/main/preview/server';
import { createHubClient, type HubClient } from '../../src/main/team/hub-client';
import { STATIC_DIR } from './support/fixtures';
import { api, HUB_ADMIN, startHubProcess, type HubProcess } from '../unit/team/support/hub-process';
import { partition, type Partition } from '../unit/team/support/team-desk';

interface Desk {
  page: Page;
  runtime: NodeRuntime;
  server: PreviewServer;
  net: Partition;
  dataDir: string;
}

const A = { username: 'desk_a', phone: '13800138001', role: 'dispatcher' as const };
const B = { username: 'desk_b', phone: '13800138002', role: 'supervisor' as const };
let hub: HubProcess;
const passwords: Record<string, string> = {};
const desks: Desk[] = [];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  // Long enough calls that the board can show one in progress.
  hub = await startHubProcess({ HUB_SANDBOX_RINGING_MS: '800', HUB_SANDBOX_ANSWERED_MS: '3000' });
  for (const u of [A, B]) passwords[u.username] = await hub.createUser(u.username, u.role, u.phone);
});

test.afterAll(async () => {
  for (const d of desks) {
    await d.page.close();
    await d.server.close();
    await d.runtime.core.close();
    rmSync(d.dataDir, { recursive: true, force: true });
  }
  await hub?.stop();
});

async function openDesk(browser: Browser, user: { username: string }, password = passwords[user.username]): Promise<Desk> {
  const dataDir = mkdtempSync(join(tmpdir(), 'team-e2e-'));
  const net = partition();
  const runtime = openNodeRuntime({ dataDir, timeoutMs: 3000, team: { fetch: net.fetch, backoff: { firstMs: 100, maxMs: 500 } } });
  const server = await startPreviewServer({ staticDir: STATIC_DIR, handlers: runtime.core.handlers, subscribe: runtime.core.subscribe, log: runtime.log });
  const page = await browser.newPage();
  await page.goto(server.url);
  const desk = { page, runtime, server, net, dataDir };
  desks.push(desk);
  // Sign in the way a dispatcher does: Settings → 团队 / Team.
  await page.getByTestId('tab-settings').click();
  await page.getByTestId('team-hub-url').fill(hub.url);
  await page.getByTestId('team-username').fill(user.username);
  await page.getByTestId('team-password').fill(password);
  await page.getByTestId('team-sign-in').click();
  await expect(page.getByTestId('team-connection')).toHaveText('已连接');
  await expect(page.getByTestId('mode-badge')).toHaveText(`团队 · ${new URL(hub.url).host}`);
  // The password field was cleared; it is nowhere in the page.
  await expect(page.getByTestId('team-panel')).not.toContainText(password);
  expect(await page.content()).not.toContain(password);
  return desk;
}

async function hubCalls(): Promise<number> {
  const r = await api(hub.url, 'GET', '/api/calls?limit=200', await hub.adminToken());
  return (r.body.items as unknown[]).length;
}

test('two desks share the directory, see the same calls and bills, go offline together and catch up', async ({ browser }) => {
  test.setTimeout(180_000);
  const a = await openDesk(browser, A);
  const b = await openDesk(browser, B);
  await a.page.getByTestId('tab-contacts').click();
  await b.page.getByTestId('tab-contacts').click();

  // Desk A adds a contact → desk B shows it (through the hub's directory event).
  await a.page.getByTestId('contact-new').click();
  const editor = a.page.getByTestId('contact-editor');
  await editor.getByTestId('contact-name').fill('张三');
  await editor.getByTestId('contact-number-0').fill('139 1234 5678');
  const saved = Date.now();
  await editor.getByTestId('contact-save').click();
  await expect(editor).toBeHidden();
  await expect(b.page.getByTestId('contact-row').filter({ hasText: '张三' })).toBeVisible();
  console.log(`directory: desk A save click → desk B shows the contact: ${Date.now() - saved} ms`);

  // Desk A calls 张三 → the supervisor's board shows it in progress → the hub's simulator sends
  // the bill → both desks' logs show the final state.
  const callsBefore = await hubCalls();
  await a.page.getByTestId('contact-row').filter({ hasText: '张三' }).getByTestId('contact-call').first().click();
  const strip = a.page.getByTestId('call-strip-item').first();
  await expect(strip).toContainText('张三');
  await b.page.getByTestId('tab-board').click();
  await expect(b.page.getByTestId('board-live-row')).toContainText('desk_a');
  await expect(strip).toHaveAttribute('data-state', 'ended', { timeout: 20_000 });
  await expect(b.page.getByTestId('board-empty')).toBeVisible();
  // Today's counts are the hub's (one call so far today, by desk A's dispatcher).
  await expect(b.page.getByTestId('board-counts')).toContainText('呼叫 1');
  await expect(b.page.getByTestId('board-dispatcher-row')).toContainText('desk_a');
  await a.page.getByTestId('tab-log').click();
  await expect(a.page.getByTestId('log-row').first()).toHaveAttribute('data-state', 'ended');
  await b.page.getByTestId('tab-log').click();
  await b.page.getByTestId('log-filter-dispatcher').selectOption('');
  await expect(b.page.getByTestId('log-row').filter({ hasText: 'desk_a' }).first()).toHaveAttribute('data-state', 'ended');
  expect(await hubCalls()).toBe(callsBefore + 1);

  // The hub stops → both desks say offline; a call attempt fails at once and sends nothing.
  await hub.kill();
  await expect(a.page.getByTestId('team-offline')).toBeVisible();
  await expect(b.page.getByTestId('team-offline')).toBeVisible();
  await a.page.getByTestId('tab-contacts').click();
  await a.page.getByTestId('contact-row').filter({ hasText: '张三' }).getByTestId('contact-call').first().click();
  await expect(a.page.getByTestId('call-strip-item').first()).toHaveAttribute('data-state', 'failed');
  await expect(a.page.getByTestId('call-strip-error').first()).toContainText('无法连接团队服务器');

  // While the desks are still away, the hub comes back and a bill arrives for desk A's dispatcher
  // (a call placed from elsewhere with the same account).
  a.net.cut();
  b.net.cut();
  await hub.restart();
  const other = createHubClient({ baseUrl: hub.url }) as HubClient;
  const login = await other.login(A.username, passwords[A.username]);
  if (!login.ok) throw new Error(login.message);
  const away = createHubClient({ baseUrl: hub.url, token: login.token }) as HubClient;
  const placed = await away.startCall({ callee: '13912340000', maxDur: 60 });
  if (!placed.ok) throw new Error(placed.message);
  await expect
    .poll(async () => {
      const calls = await away.calls({ limit: 5 });
      return calls.ok && calls.items.some((c) => c.id === placed.id && c.bill !== null);
    })
    .toBe(true);
  // Nothing from the failed attempt reached the hub: only the call from elsewhere is new.
  expect(await hubCalls()).toBe(callsBefore + 2);

  // Back: the desks resume and show the bill that arrived meanwhile.
  a.net.heal();
  b.net.heal();
  await expect(a.page.getByTestId('team-back')).toBeVisible();
  await expect(b.page.getByTestId('team-offline')).toBeHidden();
  await a.page.getByTestId('tab-log').click();
  await expect(a.page.locator(`[data-testid="log-row"][data-id="hub-${placed.id}"]`)).toHaveAttribute('data-state', 'ended');
  await expect(b.page.locator(`[data-testid="log-row"][data-id="hub-${placed.id}"]`)).toHaveAttribute('data-state', 'ended');
});

test('an admin sets a dispatcher’s phone from Settings → Team; a dispatcher has no such list', async ({ browser }) => {
  const admin = await openDesk(browser, { username: HUB_ADMIN.username }, HUB_ADMIN.password);
  const row = admin.page.locator('[data-testid="team-user-row"][data-username="desk_a"]');
  await expect(row.getByTestId('team-user-phone')).toHaveValue(A.phone);
  await row.getByTestId('team-user-phone').fill('139 0013 9055');
  await row.getByTestId('team-user-phone').press('Enter');
  await expect(row.getByTestId('team-user-phone-saved')).toBeVisible();
  await expect(row.getByTestId('team-user-phone')).toHaveValue('13900139055');
  const users = await api(hub.url, 'GET', '/api/users', await hub.adminToken());
  expect((users.body.items as Array<{ username: string; phone: string }>).find((u) => u.username === A.username)?.phone).toBe('13900139055');
  // A bad number: the hub's refusal under the row, nothing changed.
  await row.getByTestId('team-user-phone').fill('12345');
  await row.getByTestId('team-user-phone-save').click();
  await expect(row.getByTestId('team-user-phone-failure')).toBeVisible();
  // A dispatcher's Settings has no such list.
  await desks[0].page.getByTestId('tab-settings').click();
  await expect(desks[0].page.getByTestId('team-panel')).toBeVisible();
  await expect(desks[0].page.getByTestId('team-users')).toHaveCount(0);
});
