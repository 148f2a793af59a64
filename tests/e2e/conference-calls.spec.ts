/**
 * Conference time and per-person outcomes (issue 10 §2–§3, §5): the limit per person becomes
 * maxDur = limit × legs on the wire; the simulator's scenarios (callee suffixes) come back as words
 * per person; the roster being built survives a reload.
 */
import { expect, test } from './support/fixtures';

const OWN = '13900139000';

async function setUp(page: import('@playwright/test').Page): Promise<void> {
  await page.getByTestId('setup-caller-number').fill(OWN);
  await page.getByTestId('setup-save').click();
  await expect(page.getByTestId('setup-prompt')).toBeHidden();
}

async function addToRoster(page: import('@playwright/test').Page, numbers: string[]): Promise<void> {
  for (const n of numbers) {
    await page.getByTestId('roster-number-input').fill(n);
    await page.getByTestId('roster-number-input').press('Enter');
  }
  await expect(page.getByTestId('roster-item')).toHaveCount(numbers.length);
}

test('a limit per person is sent as maxDur = limit × (callees + the host), and both are shown', async ({ app }) => {
  const { page } = app;
  await setUp(page);
  await addToRoster(page, ['13700137001', '13700137002', '13700137003']);
  await page.getByTestId('per-person-input').fill('5');
  await page.getByTestId('per-person-input').press('Enter');
  await expect(page.getByTestId('per-person-hint')).toContainText('1200');

  await page.getByTestId('conf-start').click();
  const sheet = page.getByTestId('conf-confirm-sheet');
  await expect(sheet.getByTestId('conf-confirm-per-person')).toContainText('5:00');
  await expect(sheet.getByTestId('conf-confirm-maxdur')).toHaveAttribute('data-max-dur', '1200');
  await expect(sheet.getByTestId('conf-confirm-maxdur')).toContainText('20:00');
  await sheet.getByTestId('conf-confirm').click();
  await expect(sheet).toBeHidden();

  const sim = await app.simulator();
  await expect.poll(() => sim.requests.filter((r) => r.path === '/call/ecp/startconf.action').length).toBe(1);
  const conf = sim.requests.find((r) => r.path === '/call/ecp/startconf.action');
  expect(conf?.params.maxDur).toBe('1200');
  expect(JSON.parse(conf?.params.callee ?? '[]')).toHaveLength(3);

  // The limit is a setting: it is still there after a reload.
  await app.reload();
  await expect(page.getByTestId('per-person-input')).toHaveValue('5');
});

test("each person's outcome from the simulator's scenarios is shown in words, on the strip and in the log", async ({ app }) => {
  const { page } = app;
  await setUp(page);
  const busy = '13700000901';
  const noAnswer = '13700000902';
  const rejected = '13700000903';
  const early = '13700000904';
  const fine = '13700000777';
  await addToRoster(page, [busy, noAnswer, rejected, early, fine]);
  await page.getByTestId('conf-start').click();
  await page.getByTestId('conf-confirm-sheet').getByTestId('conf-confirm').click();

  const strip = page.getByTestId('call-strip-item').first();
  await expect(strip).toHaveAttribute('data-state', 'ended', { timeout: 20_000 });
  await expect(strip.getByTestId('call-strip-state')).toHaveText('已结束 · 已接通');
  const leg = (n: string) => strip.locator(`[data-testid="call-strip-people-leg"][data-number="${n}"]`);
  await expect(leg(busy)).toContainText('对方忙');
  await expect(leg(noAnswer)).toContainText('对方未接听');
  await expect(leg(rejected)).toContainText('对方拒接');
  await expect(leg(early)).toContainText('已接听');
  await expect(leg(fine)).toContainText('已接听');
  await expect(leg(OWN)).toContainText('已接听');
  // Words, not codes.
  await expect(strip).not.toContainText('USER_BUSY');
  // The conference's own length, not its legs summed (5 legs talking 0.9 s would sum to ≥ 3 s).
  await expect(strip.getByTestId('call-strip-duration')).toHaveAttribute('data-seconds', /^[01]$/);

  // A callback call whose caller (the dispatcher's own phone) is unreachable: nobody was rung.
  await page.getByTestId('dial-input').fill('13700000905');
  await page.getByTestId('dial-input').press('Enter');
  const call = page.locator('[data-testid="call-strip-item"][data-kind="call"]').first();
  await expect(call).toHaveAttribute('data-state', 'ended', { timeout: 20_000 });
  await expect(call.getByTestId('call-strip-state')).toHaveText('已结束 · 未接通');
  await expect(call.getByTestId('call-strip-reason')).toHaveText('您的电话：无法接通');
  await expect(call.locator('[data-testid="call-strip-people-leg"][data-number="13700000905"]')).toHaveText(/未呼叫/);

  // The log says the same, with the raw codes only in the details.
  await page.getByTestId('tab-log').click();
  const rows = page.getByTestId('log-row');
  await expect(rows).toHaveCount(2);
  const confRow = rows.filter({ hasText: '会议' });
  await expect(confRow.getByTestId('log-outcome')).toHaveText('已结束 · 已接通');
  await expect(confRow.getByTestId('log-people-count')).toHaveText('2/5 人接听');
  await confRow.getByTestId('log-details').click();
  const details = confRow.getByTestId('log-details-panel');
  await expect(details).toBeVisible();
  await expect(details.locator(`[data-number="${busy}"]`)).toContainText('对方忙');
  await expect(details).toContainText('USER_BUSY');
  await page.keyboard.press('Escape');
  const callRow = rows.filter({ hasNotText: '会议' });
  await expect(callRow.getByTestId('log-outcome')).toHaveText('已结束 · 未接通');
  await expect(callRow.getByTestId('log-reason')).toHaveText('您的电话：无法接通');

  // Nothing was re-sent: one request per start, whatever the outcome.
  expect((await app.simulator()).requests.filter((r) => r.path.startsWith('/call/ecp/start'))).toHaveLength(2);
});

test('the conference being built survives a reload', async ({ app }) => {
  const { page } = app;
  await setUp(page);
  await addToRoster(page, ['13700137001', '010 6552 9988']);
  // Wait until main has it (the window sends every change at once).
  await expect
    .poll(async () => {
      const r = await app.runtime.core.handlers.rosterDraftGet({});
      return r.ok ? r.members.map((m) => m.number) : [];
    })
    .toEqual(['13700137001', '01065529988']);
  await app.reload();
  await expect(page.getByTestId('roster-item')).toHaveCount(2);
  await expect(page.getByTestId('roster-item').nth(1)).toHaveAttribute('data-number', '01065529988');
  await page.getByTestId('roster-clear').click();
  await expect(page.getByTestId('roster-item')).toHaveCount(0);
  await app.reload();
  await expect(page.getByTestId('setup-prompt')).toBeHidden();
  await expect(page.getByTestId('roster-item')).toHaveCount(0);
});
