/**
 * The conference countdown and the one-minute warning (issue 10 §2), in the browser: the page's
 * clock is Playwright's (page.clock), paused and moved forward by exact amounts, so the test knows
 * to the second what the strip must say, and nothing waits for real minutes to pass.
 */
import type { CallLogEntry } from '../../src/shared/domain';
import { expect, test } from './support/fixtures';

const OWN = '13900139000';
const PER_PERSON_MIN = 2;

// The phones stay on the line for a minute of real time: long enough for the test, which moves
// only the page's clock.
test.use({ simulatorProgress: { ringingMs: 300, answeredMs: 60_000 } });

test('a conference shows the time left and warns one minute before the cut', async ({ app }) => {
  const { page } = app;
  // Installed before the app's scripts run (the reload), so its clock and timers are the fake ones.
  await page.clock.install();
  await app.reload();
  await page.getByTestId('setup-caller-number').fill(OWN);
  await page.getByTestId('setup-save').click();
  for (const n of ['13700137001', '13700137002']) {
    await page.getByTestId('roster-number-input').fill(n);
    await page.getByTestId('roster-number-input').press('Enter');
  }
  await page.getByTestId('per-person-input').fill(String(PER_PERSON_MIN));
  await page.getByTestId('per-person-input').press('Enter');
  await page.getByTestId('conf-start').click();
  await page.getByTestId('conf-confirm-sheet').getByTestId('conf-confirm').click();

  const strip = page.getByTestId('call-strip-item').first();
  const countdown = strip.getByTestId('call-strip-countdown');
  const warning = strip.getByTestId('call-strip-warning');
  await expect(countdown).toBeVisible();
  // Everyone on the line: from here the page's time stands still until the test moves it.
  const talking = (e: CallLogEntry | undefined) => (e?.legs ?? []).filter((l) => l.state === 'talking' && l.answeredAt !== undefined);
  let entry: CallLogEntry | undefined;
  await expect
    .poll(async () => {
      const log = await app.runtime.core.handlers.callLogList({});
      entry = log.ok ? log.entries.find((e) => e.kind === 'conf') : undefined;
      return talking(entry).length;
    })
    .toBe(3);
  const maxDur = entry?.maxDur ?? 0;
  expect(maxDur).toBe(PER_PERSON_MIN * 60 * 3); // the limit × (two callees + the host)
  // A moment ahead of now (the page's clock runs from the real time until paused).
  const pausedAt = Date.now() + 2_000;
  await page.clock.pauseAt(pausedAt);
  await page.clock.runFor(1_000); // one tick of the strip's clock at the paused time
  const now = pausedAt + 1_000;

  // The budget not yet used, shared by the three legs talking [inf: the vendor's accounting].
  const legs = talking(entry);
  const used = legs.reduce((sum, l) => sum + (now - (l.answeredAt as number)), 0);
  const left = Math.round((maxDur * 1000 - used) / legs.length / 1000);
  expect(left).toBeGreaterThan(61);
  const mmss = (sec: number) => `${Math.floor(sec / 60)}:${String(sec % 60).padStart(2, '0')}`;
  await expect(countdown).toHaveAttribute('data-seconds', String(left));
  await expect(countdown).toHaveText(`剩余约 ${mmss(left)}`);
  await expect(warning).toBeHidden();

  // One second before the last minute: still no warning.
  await page.clock.runFor((left - 61) * 1000);
  await expect(countdown).toHaveAttribute('data-seconds', '61');
  await expect(warning).toBeHidden();

  // The last minute: the warning, and the way to extend.
  await page.clock.runFor(1_000);
  await expect(countdown).toHaveAttribute('data-seconds', '60');
  await expect(warning).toBeVisible();
  await expect(warning).toHaveAttribute('role', 'alert');
  await expect(warning).toContainText('约 1:00 后会议将因时长上限被挂断');
  await expect(strip.getByTestId('call-strip-extend')).toBeVisible();
  await expect(strip).toHaveClass(/strip-warn/);

  // Time keeps counting down to the cut.
  await page.clock.runFor(30_000);
  await expect(countdown).toHaveAttribute('data-seconds', '30');
  await expect(warning).toContainText('约 0:30 后');
});
