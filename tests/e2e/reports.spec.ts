/**
 * The reports tab (统计) over a seeded call log: loaded only when opened, every chart drawn, each
 * exported as PNG and CSV (the files checked), and no CSP violation on the way.
 */
import { readFileSync } from 'node:fs';
import type { CallLogEntry } from '../../src/shared/domain';
import { REPORT_CHARTS } from '../../src/shared/reports/report';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

const HOUR = 3600_000;
const now = Date.now();
let seq = 0;

function seeded(over: Partial<CallLogEntry> & { ago: number }): CallLogEntry {
  const { ago, ...rest } = over;
  seq++;
  const createdAt = now - ago;
  return {
    id: `seed${seq}`,
    kind: 'call',
    createdAt,
    updatedAt: createdAt,
    mode: 'sandbox',
    caller: '13900139000',
    parties: [{ number: '13800138000', name: '张三' }],
    maxDur: 600,
    session: `sess${seq}`,
    state: 'ended',
    revision: seq,
    ...rest,
  };
}

const LOG: CallLogEntry[] = [
  seeded({ ago: 2 * HOUR, durationSec: 125, hangCause: 'NORMAL_CLEARING' }),
  seeded({ ago: 26 * HOUR, durationSec: 40, hangCause: 'NORMAL_CLEARING' }),
  seeded({ ago: 27 * HOUR, parties: [{ number: '13900139001', name: '李四' }], durationSec: 0, hangCause: 'NO_USER_RESPONSE' }),
  seeded({
    ago: 50 * HOUR,
    parties: [{ number: '01065529988', name: '=HYPERLINK("x")' }],
    state: 'failed',
    session: undefined,
    error: { code: 'network', message: 'network' },
  }),
  seeded({
    ago: 75 * HOUR,
    kind: 'conf',
    parties: [{ number: '13800138000', name: '张三' }, { number: '13900139001', name: '李四' }, { number: '13700137000' }],
    durationSec: 300,
  }),
  seeded({ ago: 100 * HOUR, kind: 'conf', parties: [{ number: '13800138000', name: '张三' }, { number: '13700137000' }], durationSec: 0 }),
  // The dispatcher's own phone talked 20 s but the callee was busy: the log says not answered
  // (its legs decide, call-outcome.ts), and so must the report, whatever the bill's total says.
  seeded({
    ago: 28 * HOUR,
    parties: [{ number: '13600136000', name: '王五' }],
    durationSec: 20,
    hangCause: 'NORMAL_CLEARING',
    legs: [
      { number: '13900139000', state: 'ended', answered: true, durationSec: 20, hangCause: 'NORMAL_CLEARING' },
      { number: '13600136000', state: 'ended', answered: false, hangCause: 'USER_BUSY' },
    ],
  }),
];

test.use({
  timezoneId: 'Asia/Shanghai',
  dataDirFiles: { 'call-log.journal': LOG.map((item) => JSON.stringify({ op: 'put', item }) + '\n').join('') },
});

/**
 * Headless Chromium stops starting downloads from one page after about ten in quick succession
 * (measured here: the 11th or the 21st of a click-per-download loop never arrives, and more are
 * allowed only after a few idle seconds). A dispatcher exports a file now and then; a test that
 * exports eighteen in two seconds meets that limit. So each test below stays at nine per page.
 */
async function download(page: Page, testId: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

test('the reports tab loads on demand, draws every chart from the log and exports each as PNG', async ({ app }) => {
  const { page } = app;
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  const chunks: string[] = [];
  page.on('request', (r) => chunks.push(r.url()));

  await expect(page.getByTestId('search-input')).toBeVisible();
  expect(chunks.filter((u) => /ReportsTab/.test(u))).toEqual([]);

  // Keyboard: Alt+3 opens the reports tab.
  await page.keyboard.press('Alt+3');
  await expect(page.getByTestId('reports-tab')).toBeVisible();
  expect(chunks.filter((u) => /ReportsTab.*\.js/.test(u))).toHaveLength(1);
  await expect(page.getByTestId('report-preset-week')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('kpi-attempts')).toHaveText('7');
  await expect(page.getByTestId('kpi-answered')).toHaveText('3');
  await expect(page.getByTestId('kpi-not-answered')).toHaveText('3');
  await expect(page.getByTestId('kpi-talk-total')).toHaveText('7:45');
  await expect(page.getByTestId('kpi-talk-average')).toHaveText('2:35');

  for (const chart of REPORT_CHARTS) {
    const card = page.getByTestId(`report-chart-${chart}`);
    await expect(card, chart).toHaveAttribute('data-drawn', 'true');
    // Something was painted on the canvas, not only a chart object created.
    const painted = await card.locator('canvas').evaluate((c: HTMLCanvasElement) => {
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
      return n;
    });
    expect(painted, chart).toBeGreaterThan(500);

    const png = await download(page, `report-png-${chart}`);
    expect(png.name).toMatch(new RegExp(`^report-${chart}-\\d{4}-\\d{2}-\\d{2}_\\d{4}-\\d{2}-\\d{2}\\.png$`));
    expect(png.bytes.subarray(0, 8).toString('hex'), chart).toBe('89504e470d0a1a0a');
  }

  // Today only: the one call two hours ago (or none, just after midnight).
  await page.getByTestId('report-preset-today').click();
  await expect(page.getByTestId('report-preset-today')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('kpi-attempts')).toHaveText(/^[01]$/);

  expect(violations).toEqual([]);
});

test('the data of each chart exports as CSV: what the chart shows, with the formula guard and zh-CN words', async ({ app }) => {
  const { page } = app;
  await page.getByTestId('tab-reports').click();
  const csv: Record<string, string> = {};
  for (const chart of REPORT_CHARTS) {
    await expect(page.getByTestId(`report-chart-${chart}`), chart).toHaveAttribute('data-drawn', 'true');
    const file = await download(page, `report-csv-${chart}`);
    expect(file.name).toMatch(new RegExp(`^report-${chart}-.*\\.csv$`));
    csv[chart] = file.bytes.toString('utf8');
    expect(csv[chart].startsWith('\uFEFF'), chart).toBe(true);
    expect(csv[chart].split('\r\n').length, chart).toBeGreaterThan(2);
  }

  expect(csv.outcomes).toBe('\uFEFF结果,次数\r\n已接通,3\r\n未接通,3\r\n未受理,1\r\n进行中或未知,0\r\n');
  // Hang causes in the log's words (what the log row says for each), the raw codes only beside them.
  const causeTable = page.getByTestId('report-chart-hangCauses').locator('table tbody tr');
  await expect(causeTable.locator('td:first-child')).toHaveText(['正常挂断', '对方忙', '对方未接听']);
  expect(csv.hangCauses).toBe('\uFEFF挂断原因,原因代码,次数\r\n正常挂断,NORMAL_CLEARING,2\r\n对方忙,USER_BUSY,1\r\n对方未接听,NO_USER_RESPONSE,1\r\n');
  expect(csv.busiestNumbers).toContain('="01065529988","\'=HYPERLINK(""x"")",1,0,0');
  expect(csv.busiestNumbers).toContain('="13800138000",张三,4,3,465');
});

test('a call placed while the tab is open shows up in the report', async ({ app }) => {
  const { page } = app;
  await app.runtime.core.handlers.settingsSet({ callerNumber: '13900139000' });
  await app.reload();
  await page.getByTestId('tab-reports').click();
  await expect(page.getByTestId('kpi-attempts')).toHaveText('7');
  // A redial from the log (a call: placed at once, no confirmation).
  await page.getByTestId('tab-log').click();
  await page.getByTestId('log-redial').first().click();
  await expect(page.getByTestId('call-strip-item')).toHaveCount(1);
  await page.getByTestId('tab-reports').click();
  await expect(page.getByTestId('kpi-attempts')).toHaveText('8');
});

test('English words in the reports tab', async ({ app }) => {
  const { page } = app;
  await app.runtime.core.handlers.settingsSet({ language: 'en' });
  await app.reload();
  await page.getByTestId('tab-reports').click();
  await expect(page.getByTestId('report-chart-perDay').locator('h3')).toHaveText('Calls per day');
  await expect(page.getByTestId('report-preset-week')).toHaveText('Last 7 days');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-csv-outcomes').click()]);
  expect(readFileSync((await csv.path())!, 'utf8').split('\r\n')[0]).toBe('\uFEFFOutcome,Attempts');
  await expect(page.getByTestId('report-chart-hangCauses').locator('table tbody td:first-child')).toHaveText(['Hung up', 'Busy', 'No answer']);
});
