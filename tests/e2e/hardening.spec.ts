/**
 * Hardening, as the dispatcher meets it in the browser: a hammered call button places one call,
 * a broken network is a readable message and a logged attempt (never a silent retry), the
 * AppSecret never reaches the page or the data folder in clear, and a damaged data file is moved
 * aside and announced while the app keeps working.
 *
 * No sleeps: every wait is on a condition (the strip's state, a request count, a file).
 */
import type { Locator, Page } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { openNodeRuntime } from '../../src/main/preview/node-runtime';
import { PATHS, SANDBOX_CALLER_ACC, startSimulator, type Fault } from '../../src/simulator';
import { openCollection } from '../../src/main/stores/collection-store';
import { formatPhone } from '../../src/renderer/src/lib/phone-format';
import { expect, test, type DispatchApp } from './support/fixtures';
import {
  addContact,
  closedLoopbackPort,
  confStripItems,
  fillRoster,
  isReadableChinese,
  OWN_NUMBER,
  sandboxSimulator,
  saveAccount,
  setOwnNumber,
  startCallsTo,
  startConfsOf,
  stripItemsFor,
} from './support/hardening';

const HAMMER = 20;
/** Presses in a paced run (see pacedPresses). */
const PACED = 4;

/**
 * A burst of trusted input events, all sent to the browser before the first is answered, so the
 * burst lasts milliseconds even on a loaded machine (awaiting each press would let the app's
 * answers, and the machine's load, slip in between). What a hammering dispatcher does, only faster.
 */
async function burst(page: Page, method: 'Input.dispatchKeyEvent' | 'Input.dispatchMouseEvent', events: object[]): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const started = Date.now();
  try {
    await Promise.all(events.map((e) => cdp.send(method, e as never)));
  } finally {
    await cdp.detach();
  }
  return Date.now() - started;
}

/** Twenty real mouse clicks at the element's centre. Returns the burst's duration in ms. */
async function mouseHammer(page: Page, target: Locator, times = HAMMER): Promise<number> {
  const box = await target.boundingBox();
  if (!box) throw new Error('target not visible');
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2, button: 'left', clickCount: 1 };
  const events = Array.from({ length: times }, () => [
    { type: 'mousePressed', ...at },
    { type: 'mouseReleased', ...at },
  ]).flat();
  return burst(page, 'Input.dispatchMouseEvent', events);
}

/** Enter (optionally with Ctrl) pressed `times` times on whatever has focus. Returns the burst's duration in ms. */
async function enterHammer(page: Page, times = HAMMER, { ctrl = false } = {}): Promise<number> {
  const key = { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, nativeVirtualKeyCode: 13, modifiers: ctrl ? 2 : 0 };
  // With Ctrl held a keyboard produces no text (Playwright's keyboard sends none either).
  const text = ctrl ? {} : { text: '\r', unmodifiedText: '\r' };
  const events = Array.from({ length: times }, () => [
    { type: 'keyDown', ...key, ...text },
    { type: 'keyUp', ...key },
  ]).flat();
  return burst(page, 'Input.dispatchKeyEvent', events);
}

/**
 * Keys pressed one after another, each awaited: a fast human's cadence. Between two presses the
 * sandbox has time to answer, so nothing is in flight any more when the next one lands.
 * Few presses, so the whole run stays well inside the 2 s double-click window even on a loaded
 * machine. Returns the duration in ms.
 */
async function pacedPresses(page: Page, keys: string[]): Promise<number> {
  const started = Date.now();
  for (const key of keys) await page.keyboard.press(key);
  return Date.now() - started;
}

async function pacedClicks(page: Page, target: Locator, times = PACED): Promise<number> {
  const box = await target.boundingBox();
  if (!box) throw new Error('target not visible');
  const started = Date.now();
  for (let i = 0; i < times; i++) await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  return Date.now() - started;
}

/** Twenty `page.click` calls fired at once, none awaited before the next is sent. */
async function concurrentClicks(page: Page, selector: string, options: { force?: boolean } = {}): Promise<void> {
  const clicks = Array.from({ length: HAMMER }, () =>
    // A forced click on a button that is gone or disabled is simply lost, as a real click would be.
    page.click(selector, { ...options, timeout: 10_000 }).catch(() => undefined),
  );
  await Promise.all(clicks);
}

const FINAL_OR_PROGRESS = /^(ringing|answered|ended)$/;

test.describe('double submit: one request per deliberate action', () => {
  test('call button: a mouse burst, concurrent page.click, clickCount and dblclick each place exactly one call', async ({ app }) => {
    const { page } = app;
    const sim = await sandboxSimulator(app);
    await setOwnNumber(page);
    const input = page.getByTestId('dial-input');
    const button = page.getByTestId('dial-call');

    const variants: { number: string; fault: 'hang' | 'trickle'; hammer: () => Promise<unknown> }[] = [
      // The first answer never comes: the request is in flight until the 3 s client timeout.
      { number: '13800138001', fault: 'hang', hammer: () => mouseHammer(page, button) },
      { number: '13800138002', fault: 'hang', hammer: () => concurrentClicks(page, '[data-testid="dial-call"]', { force: true }) },
      { number: '13800138003', fault: 'hang', hammer: () => button.click({ clickCount: HAMMER }) },
      // The answer crawls in (about a second), then the call is accepted and the field cleared:
      // clicks Playwright held back until the button was enabled again must not dial anything.
      { number: '13800138004', fault: 'trickle', hammer: () => concurrentClicks(page, '[data-testid="dial-call"]') },
      {
        number: '13800138005',
        fault: 'trickle',
        hammer: async () => {
          for (let i = 0; i < HAMMER / 2; i++) await button.dblclick({ force: true });
        },
      },
    ];

    for (const v of variants) {
      await test.step(`${v.fault}: ${v.number}`, async () => {
        sim.faults.set(
          v.fault === 'hang' ? { kind: 'hang', path: PATHS.startCall, times: 1 } : { kind: 'trickle', intervalMs: 15, path: PATHS.startCall, times: 1 },
        );
        await input.fill(v.number);
        await v.hammer();
        const item = stripItemsFor(page, v.number);
        // Settled: the outcome is on the strip and the button is usable again.
        if (v.fault === 'hang') {
          await expect(item).toHaveAttribute('data-state', 'failed');
          await expect(item.getByTestId('call-strip-error')).toContainText('超时');
        } else {
          await expect(item).toHaveAttribute('data-state', FINAL_OR_PROGRESS);
          await expect(input).toHaveValue('');
        }
        await expect(button).toBeEnabled();
        sim.faults.set(null);
        expect(startCallsTo(sim, v.number), `startcall requests for ${v.number}`).toBe(1);
        await expect(item).toHaveCount(1);
      });
    }
  });

  test('20 Enter presses in the dial field place exactly one call (slow, fast and held-down)', async ({ app }) => {
    const { page } = app;
    const sim = await sandboxSimulator(app);
    await setOwnNumber(page);
    const input = page.getByTestId('dial-input');

    await test.step('slow server: the request is in flight for the whole burst', async () => {
      sim.faults.set({ kind: 'hang', path: PATHS.startCall, times: 1 });
      await input.fill('13700137001');
      await input.focus();
      await enterHammer(page);
      await expect(stripItemsFor(page, '13700137001')).toHaveAttribute('data-state', 'failed');
      await expect(page.getByTestId('dial-call')).toBeEnabled();
      sim.faults.set(null);
      expect(startCallsTo(sim, '13700137001')).toBe(1);
    });

    await test.step('fast server, one awaited press after another: the cleared field must not dial again', async () => {
      await input.fill('13700137002');
      await input.focus();
      for (let i = 0; i < HAMMER; i++) await page.keyboard.press('Enter');
      await expect(stripItemsFor(page, '13700137002')).toHaveAttribute('data-state', FINAL_OR_PROGRESS);
      await expect(input).toHaveValue('');
      expect(startCallsTo(sim, '13700137002')).toBe(1);
    });

    await test.step('a held key: auto-repeat keydowns are not calls', async () => {
      sim.faults.set({ kind: 'trickle', intervalMs: 15, path: PATHS.startCall, times: 1 });
      await input.fill('13700137003');
      await input.focus();
      const enter = { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, nativeVirtualKeyCode: 13, text: '\r', unmodifiedText: '\r' };
      await burst(page, 'Input.dispatchKeyEvent', [
        { type: 'keyDown', ...enter },
        ...Array.from({ length: HAMMER - 1 }, () => ({ type: 'keyDown', ...enter, autoRepeat: true })),
        { type: 'keyUp', ...enter, text: undefined, unmodifiedText: undefined },
      ]);
      await expect(stripItemsFor(page, '13700137003')).toHaveAttribute('data-state', FINAL_OR_PROGRESS);
      sim.faults.set(null);
      expect(startCallsTo(sim, '13700137003')).toBe(1);
    });
    await expect(page.getByTestId('call-strip-item')).toHaveCount(3);
  });

  test('conference confirm: click bursts and Enter start exactly one conference while the first is in flight', async ({ app }) => {
    const { page } = app;
    const sim = await sandboxSimulator(app);
    await setOwnNumber(page);
    const sheet = page.getByTestId('conf-confirm-sheet');
    const confirm = page.getByTestId('conf-confirm');

    const variants: { roster: string[]; hammer: () => Promise<unknown> }[] = [
      { roster: ['13600136001', '13600136002', '13600136003'], hammer: () => confirm.click({ clickCount: HAMMER }) },
      { roster: ['13600136011', '13600136012', '13600136013'], hammer: () => mouseHammer(page, confirm) },
      { roster: ['13600136021', '13600136022'], hammer: () => concurrentClicks(page, '[data-testid="conf-confirm"]', { force: true }) },
      // Focus is on the confirm button when the sheet opens: Enter confirms.
      { roster: ['13600136031', '13600136032'], hammer: () => enterHammer(page) },
    ];

    for (const v of variants) {
      await test.step(v.roster.join(','), async () => {
        await fillRoster(page, v.roster);
        sim.faults.set({ kind: 'hang', path: PATHS.startConf, times: 1 });
        await page.getByTestId('conf-start').click();
        await expect(confirm).toBeFocused();
        await v.hammer();
        const item = confStripItems(page, v.roster[0]);
        await expect(item).toHaveAttribute('data-state', 'failed');
        await expect(item.getByTestId('call-strip-error')).toContainText('超时');
        // A burst may have reopened the confirmation; it must not have confirmed it again.
        if (await sheet.isVisible()) await page.keyboard.press('Escape');
        await expect(sheet).toBeHidden();
        sim.faults.set(null);
        expect(startConfsOf(sim, v.roster), `startconf requests for ${v.roster.join(',')}`).toBe(1);
        await expect(item).toHaveCount(1);
      });
    }
  });

  test('conference on a fast server: Enter and Ctrl+Enter, in a burst or paced, start one conference each', async ({ app }) => {
    const { page } = app;
    const sim = await sandboxSimulator(app);
    await setOwnNumber(page);
    const sheet = page.getByTestId('conf-confirm-sheet');
    const confirm = page.getByTestId('conf-confirm');

    /** Fills the roster, runs `press`, waits until the outcome is on the strip, returns the conference count. */
    async function confsAfter(roster: string[], press: () => Promise<number>): Promise<{ count: number; ms: number }> {
      await fillRoster(page, roster);
      const ms = await press();
      await expect(confStripItems(page, roster[0]).first()).toHaveAttribute('data-state', FINAL_OR_PROGRESS);
      // A press may have reopened the confirmation; closing it is the dispatcher's call.
      if (await sheet.isVisible()) await page.keyboard.press('Escape');
      await expect(sheet).toBeHidden();
      await expect(async () => expect(await confStripItems(page, roster[0]).count()).toBe(startConfsOf(sim, roster))).toPass({ timeout: 10_000 });
      return { count: startConfsOf(sim, roster), ms };
    }

    await test.step('开始会议, then 20 × Enter in one burst', async () => {
      const r = await confsAfter(['13600136051', '13600136052'], async () => {
        await page.getByTestId('conf-start').click();
        await expect(confirm).toBeFocused();
        return enterHammer(page);
      });
      expect(r.count, `conferences started by ${HAMMER} Enter presses in ${r.ms} ms`).toBe(1);
    });

    await test.step(`开始会议, then ${PACED} × Enter, paced`, async () => {
      // Enter confirms; focus returns to 开始会议, so the next Enter opens the confirmation again
      // and the one after confirms it again.
      const r = await confsAfter(['13600136053', '13600136054'], async () => {
        await page.getByTestId('conf-start').click();
        await expect(confirm).toBeFocused();
        return pacedPresses(page, Array(PACED).fill('Enter'));
      });
      expect(r.count, `conferences started by ${PACED} Enter presses in ${r.ms} ms`).toBe(1);
    });

    await test.step('20 × Ctrl+Enter opens the confirmation once and starts nothing', async () => {
      const roster = ['13600136081', '13600136082'];
      await fillRoster(page, roster);
      await page.getByTestId('roster-number-input').focus();
      await enterHammer(page, HAMMER, { ctrl: true });
      await expect(sheet).toBeVisible();
      await expect(confirm).toBeFocused();
      expect(startConfsOf(sim, roster)).toBe(0);
      await page.keyboard.press('Escape');
      await expect(sheet).toBeHidden();
    });

    await test.step(`(Ctrl+Enter, Enter) × ${PACED / 2} from the roster field, paced`, async () => {
      const r = await confsAfter(['13600136041', '13600136042'], async () => {
        await page.getByTestId('roster-number-input').focus();
        return pacedPresses(page, Array.from({ length: PACED / 2 }, () => ['Control+Enter', 'Enter']).flat());
      });
      expect(r.count, `conferences started by ${PACED} presses in ${r.ms} ms`).toBe(1);
    });
  });

  test('contact row: 20 rapid clicks on the call button place exactly one call', async ({ app }) => {
    const { page } = app;
    const sim = await sandboxSimulator(app);
    await setOwnNumber(page);
    await addContact(page, '张三', '13500135001');
    await addContact(page, '李四', '13500135002');
    await addContact(page, '王五', '13500135003');
    const callButton = (name: string) => page.getByTestId('contact-row').filter({ hasText: name }).getByTestId('contact-call');

    await test.step('mouse burst while the first request hangs', async () => {
      sim.faults.set({ kind: 'hang', path: PATHS.startCall, times: 1 });
      await mouseHammer(page, callButton('张三'));
      await expect(stripItemsFor(page, '13500135001')).toHaveAttribute('data-state', 'failed');
      sim.faults.set(null);
      expect(startCallsTo(sim, '13500135001')).toBe(1);
    });

    await test.step('clickCount 20 while the answer trickles in', async () => {
      sim.faults.set({ kind: 'trickle', intervalMs: 15, path: PATHS.startCall, times: 1 });
      await callButton('李四').click({ clickCount: HAMMER });
      await expect(stripItemsFor(page, '13500135002')).toHaveAttribute('data-state', FINAL_OR_PROGRESS);
      sim.faults.set(null);
      expect(startCallsTo(sim, '13500135002')).toBe(1);
    });

    await test.step('concurrent page.click on a fast server', async () => {
      const selector = '[data-testid="contact-row"]:has-text("王五") [data-testid="contact-call"]';
      await concurrentClicks(page, selector);
      await expect(stripItemsFor(page, '13500135003')).toHaveAttribute('data-state', FINAL_OR_PROGRESS);
      expect(startCallsTo(sim, '13500135003')).toBe(1);
    });
    await expect(page.getByTestId('call-strip-item')).toHaveCount(3);
  });
});

test.describe('double submit: redial and re-run buttons', () => {
  // Redial is "explicit": it may follow a failed attempt at once. But pressing the same redial
  // button again and again is still one deliberate action, and a fast server has answered the
  // first press before the second lands, so nothing in flight protects the later ones.
  test('重拨 on the strip and in the call log: a burst or paced presses place one call', async ({ app }) => {
    const { page } = app;
    const sim = await sandboxSimulator(app);
    await setOwnNumber(page);

    /** Dials `number` into a quick failure (HTTP 503: nothing rang), so redialling is the obvious next step. */
    async function failedCall(number: string): Promise<void> {
      sim.faults.set({ kind: 'http503', path: PATHS.startCall, times: 1 });
      await page.getByTestId('tab-contacts').click();
      await page.getByTestId('dial-input').fill(number);
      await page.getByTestId('dial-call').click();
      await expect(stripItemsFor(page, number)).toHaveAttribute('data-state', 'failed');
      expect(startCallsTo(sim, number)).toBe(1);
    }

    /** Waits until every start the page sent is answered and on the strip; returns the redials placed. */
    async function redialsOf(number: string): Promise<number> {
      await expect.poll(() => startCallsTo(sim, number)).toBeGreaterThan(1);
      await expect(stripItemsFor(page, number).first()).toHaveAttribute('data-state', FINAL_OR_PROGRESS);
      await expect(async () => expect(await stripItemsFor(page, number).count()).toBe(startCallsTo(sim, number))).toPass({ timeout: 10_000 });
      return startCallsTo(sim, number) - 1;
    }

    await test.step('strip 重拨: 20 × Enter in one burst', async () => {
      await failedCall('13800138011');
      await stripItemsFor(page, '13800138011').getByTestId('call-strip-redial').focus();
      const ms = await enterHammer(page);
      expect(await redialsOf('13800138011'), `calls placed by ${HAMMER} Enter presses in ${ms} ms`).toBe(1);
    });

    await test.step(`strip 重拨: ${PACED} × Enter, paced`, async () => {
      await failedCall('13800138012');
      await stripItemsFor(page, '13800138012').getByTestId('call-strip-redial').focus();
      const ms = await pacedPresses(page, Array(PACED).fill('Enter'));
      expect(await redialsOf('13800138012'), `calls placed by ${PACED} Enter presses in ${ms} ms`).toBe(1);
    });

    await test.step('call log 重拨: 20 mouse clicks in one burst', async () => {
      await failedCall('13800138013');
      await page.getByTestId('tab-log').click();
      const row = page.getByTestId('log-row').filter({ hasText: formatPhone('13800138013') });
      await expect(row).toHaveCount(1);
      const ms = await mouseHammer(page, row.getByTestId('log-redial'));
      expect(await redialsOf('13800138013'), `calls placed by ${HAMMER} clicks in ${ms} ms`).toBe(1);
    });

    await test.step(`call log 重拨: ${PACED} mouse clicks, paced`, async () => {
      await failedCall('13800138014');
      await page.getByTestId('tab-log').click();
      const row = page.getByTestId('log-row').filter({ hasText: formatPhone('13800138014') });
      await expect(row).toHaveCount(1);
      // The new attempt is added on top and pushes this row down: the clicks land on whatever
      // 重拨 button is under the pointer, as a real hammering dispatcher's would.
      const ms = await pacedClicks(page, row.getByTestId('log-redial'));
      expect(await redialsOf('13800138014'), `calls placed by ${PACED} clicks in ${ms} ms`).toBe(1);
    });
  });

  test('重新发起 on a conference: a burst or paced Enter presses start it once', async ({ app }) => {
    const { page } = app;
    const sim = await sandboxSimulator(app);
    await setOwnNumber(page);

    async function failedConf(roster: string[]): Promise<void> {
      await fillRoster(page, roster);
      sim.faults.set({ kind: 'http503', path: PATHS.startConf, times: 1 });
      await page.getByTestId('conf-start').click();
      await page.getByTestId('conf-confirm').click();
      await expect(confStripItems(page, roster[0])).toHaveAttribute('data-state', 'failed');
      await confStripItems(page, roster[0]).getByTestId('call-strip-redial').focus();
    }
    async function rerunsOf(roster: string[]): Promise<number> {
      await expect.poll(() => startConfsOf(sim, roster)).toBeGreaterThan(1);
      await expect(confStripItems(page, roster[0]).first()).toHaveAttribute('data-state', FINAL_OR_PROGRESS);
      if (await page.getByTestId('conf-confirm-sheet').isVisible()) await page.keyboard.press('Escape');
      await expect(async () => expect(await confStripItems(page, roster[0]).count()).toBe(startConfsOf(sim, roster))).toPass({ timeout: 10_000 });
      return startConfsOf(sim, roster) - 1;
    }

    await test.step('20 × Enter in one burst', async () => {
      const roster = ['13600136061', '13600136062'];
      await failedConf(roster);
      const ms = await enterHammer(page);
      expect(await rerunsOf(roster), `conferences started by ${HAMMER} Enter presses in ${ms} ms`).toBe(1);
    });

    await test.step(`${PACED} × Enter, paced (重新发起 opens the confirmation, Enter confirms, and again)`, async () => {
      const roster = ['13600136063', '13600136064'];
      await failedConf(roster);
      const ms = await pacedPresses(page, Array(PACED).fill('Enter'));
      expect(await rerunsOf(roster), `conferences started by ${PACED} Enter presses in ${ms} ms`).toBe(1);
    });
  });
});

test.describe('network faults in production mode', () => {
  const APP_KEY = 'e2eappkey0000000000000000000002';
  const APP_SECRET = 'realsecret0000000000000000000002';

  const cases: {
    name: string;
    fault?: Fault;
    refused?: boolean;
    code: RegExp;
    /** Phrases the zh-CN message must contain: what happened and what to do. */
    says: string[];
  }[] = [
    { name: 'no answer (client timeout)', fault: { kind: 'hang' }, code: /^timeout$/, says: ['超时', '3 秒内', '可能已经拨出', '不会自动重拨'] },
    { name: 'HTML 503 from a gateway', fault: { kind: 'http503' }, code: /^bad_response$/, says: ['HTTP 503', '非云信格式'] },
    { name: 'malformed JSON', fault: { kind: 'bad_json' }, code: /^bad_response$/, says: ['非云信格式'] },
    { name: 'connection refused', refused: true, code: /^network$/, says: ['连接被拒绝', '请求没有发出'] },
  ];

  for (const c of cases) {
    test(`${c.name}: failed on the strip with a readable message, logged once, never retried; the next call works`, async ({ app }) => {
      const { page } = app;
      const prod = await startSimulator({
        accounts: [{ appKey: APP_KEY, appSecret: APP_SECRET, accids: [SANDBOX_CALLER_ACC] }],
        progress: { ringingMs: 600, answeredMs: 900 },
      });
      try {
        await setOwnNumber(page);
        await saveAccount(page, prod.url, APP_KEY, APP_SECRET);
        if (c.refused) await saveAccount(page, `http://127.0.0.1:${await closedLoopbackPort()}`, APP_KEY, APP_SECRET);
        if (c.fault) prod.faults.set({ ...c.fault, path: PATHS.startCall, times: 1 } as Fault);
        await page.getByTestId('tab-contacts').click();

        const failing = '13800138021';
        await page.getByTestId('dial-input').fill(failing);
        await page.getByTestId('dial-call').click();
        const item = stripItemsFor(page, failing);
        await expect(item).toHaveAttribute('data-state', 'failed');
        const error = item.getByTestId('call-strip-error');
        await expect(error).toHaveAttribute('data-code', c.code);
        const text = (await error.innerText()).trim();
        expect(isReadableChinese(text), `a sentence in Chinese, not a code: "${text}"`).toBe(true);
        for (const phrase of c.says) expect(text).toContain(phrase);
        expect(text).not.toMatch(/ECONN|undefined|\[object|Error:/);
        expect(startCallsTo(prod, failing)).toBe(c.refused ? 0 : 1);

        // The attempt is in the call log, with the same explanation.
        await page.getByTestId('tab-log').click();
        const row = page.getByTestId('log-row').filter({ hasText: formatPhone(failing) });
        await expect(row).toHaveCount(1);
        await expect(row.getByTestId('log-error')).toContainText(c.says[0]);
        await expect(row.getByTestId('log-outcome')).toHaveText('失败');

        // Fault gone: the next call goes through, and the failed one was never re-sent.
        prod.faults.set(null);
        if (c.refused) {
          await saveAccount(page, prod.url, APP_KEY, APP_SECRET);
        }
        await page.getByTestId('tab-contacts').click();
        const working = '13800138022';
        await page.getByTestId('dial-input').fill(working);
        await page.getByTestId('dial-call').click();
        await expect(stripItemsFor(page, working)).toHaveAttribute('data-state', FINAL_OR_PROGRESS);
        await expect(stripItemsFor(page, working).getByTestId('call-strip-session')).toBeVisible();
        expect(startCallsTo(prod, working)).toBe(1);
        expect(startCallsTo(prod, failing)).toBe(c.refused ? 0 : 1);
        expect(prod.requests.every((r) => r.signatureValid)).toBe(true);
        await page.getByTestId('tab-log').click();
        await expect(page.getByTestId('log-row')).toHaveCount(2);
      } finally {
        await prod.close();
      }
    });
  }
});

test.describe('the AppSecret never reaches the page or the data folder in clear', () => {
  const APP_KEY = 'e2eappkey0000000000000000000003';
  // Printable ASCII without spaces, as the vault accepts; unlike anything else the app shows.
  const SENTINEL = 'Sntl-9f2cQ7xZ-AppSecret-k4R8w1Lm';

  /** The sentinel in every shape it could leak in: as is, URL-encoded, hex, base64 at any alignment. */
  function needles(secret: string): string[] {
    const bytes = Buffer.from(secret, 'utf8');
    const out = new Set<string>([secret, encodeURIComponent(secret), bytes.toString('hex'), bytes.toString('hex').toUpperCase()]);
    for (const encoding of ['base64', 'base64url'] as const) {
      for (let shift = 0; shift < 3; shift++) {
        // Base64 of the secret embedded at any offset of a longer blob: drop the characters that
        // depend on the bytes before it, and the last group, which depends on the bytes after.
        const b64 = Buffer.concat([Buffer.alloc(shift), bytes])
          .toString(encoding)
          .replace(/=+$/, '');
        out.add(b64.slice(shift === 0 ? 0 : shift + 1, b64.length - 3));
      }
    }
    return [...out];
  }

  test('settings, account check, calls ok and failing, conference, call log, exports, reload: no trace of the secret', async ({ app }) => {
    const { page } = app;
    const forbidden = needles(SENTINEL);
    const prod = await startSimulator({
      accounts: [{ appKey: APP_KEY, appSecret: SENTINEL, accids: [SANDBOX_CALLER_ACC] }],
      progress: { ringingMs: 600, answeredMs: 900 },
    });
    // Everything main sent the page, and everything the page printed.
    const responses: Promise<string>[] = [];
    const consoleLines: string[] = [];
    // The event stream is a response that never ends (its text() would wait forever): its events
    // are recorded in the page by a listener of their own instead (`recordEvents`).
    page.on('response', (r) => {
      if (new URL(r.url()).pathname !== '/__preview/events') responses.push(r.text().catch(() => ''));
    });
    page.on('console', (m) => consoleLines.push(m.text()));
    const downloads: string[] = [];

    const leaks = (where: string, text: string) =>
      forbidden.filter((n) => text.includes(n)).map((n) => `${where} contains ${n === SENTINEL ? 'the secret' : `an encoding of it (${n})`}`);

    /** Every event main pushed to this document since the first scan in it, as JSON. */
    const recordEvents = () =>
      page.evaluate(() => {
        const w = window as unknown as { __events?: string[]; dispatch: { subscribe(l: (e: unknown) => void): () => void } };
        if (!w.__events) {
          const events: string[] = [];
          w.__events = events;
          w.dispatch.subscribe((e) => events.push(JSON.stringify(e)));
        }
        return w.__events.join('\n');
      });

    async function scan(step: string): Promise<void> {
      const found: string[] = [];
      found.push(...leaks('an event pushed to the page', await recordEvents()));
      found.push(...leaks('page.content()', await page.content()));
      const values = await page.$$eval('input, textarea', (els) => els.map((e) => (e as HTMLInputElement | HTMLTextAreaElement).value));
      found.push(...leaks('an input value', values.join('\n')));
      const storage = await page.evaluate(() => {
        const dump = (s: Storage) => Array.from({ length: s.length }, (_, i) => `${s.key(i)}=${s.getItem(s.key(i) ?? '')}`).join('\n');
        return { local: dump(localStorage), session: dump(sessionStorage), title: document.title, cookie: document.cookie };
      });
      found.push(
        ...leaks('localStorage', storage.local),
        ...leaks('sessionStorage', storage.session),
        ...leaks('document.title/cookie', storage.title + storage.cookie),
      );
      const state = await page.context().storageState({ indexedDB: true });
      found.push(...leaks('storage state (cookies, origins, IndexedDB)', JSON.stringify(state)));
      found.push(...leaks('a response to the page', (await Promise.all(responses)).join('\n')));
      found.push(...leaks('the console', consoleLines.join('\n')));
      found.push(...leaks('a download', downloads.join('\n')));
      expect(found, `after "${step}"`).toEqual([]);
    }

    async function download(button: Locator): Promise<string> {
      const [d] = await Promise.all([page.waitForEvent('download'), button.click()]);
      const path = await d.path();
      const text = readFileSync(path, 'utf8');
      downloads.push(text);
      return text;
    }

    try {
      await recordEvents();
      await setOwnNumber(page);
      await addContact(page, '张三', '13800138031');
      await saveAccount(page, prod.url, APP_KEY, SENTINEL);
      await scan('account saved');

      // A value other than the default: Save sends only what changed.
      await page.getByTestId('settings-max-dur').fill('900');
      await page.getByTestId('settings-save').click();
      await expect(page.getByTestId('settings-saved')).toBeVisible();
      await scan('settings saved');

      await page.getByTestId('account-check').click();
      await expect(page.getByTestId('account-check-ok')).toBeVisible();
      await scan('account check');

      await page.getByTestId('tab-contacts').click();
      await page.getByTestId('contact-row').filter({ hasText: '张三' }).getByTestId('contact-call').click();
      await expect(stripItemsFor(page, '13800138031')).toHaveAttribute('data-state', FINAL_OR_PROGRESS);
      await scan('call ok');

      // A server (or a proxy) that echoes the secret in its error text.
      prod.faults.set({ kind: 'code', code: 414, desc: `bad param appSecret=${SENTINEL}`, path: PATHS.startCall, times: 1 });
      await page.getByTestId('dial-input').fill('13800138032');
      await page.getByTestId('dial-call').click();
      await expect(stripItemsFor(page, '13800138032')).toHaveAttribute('data-state', 'failed');
      await scan('call failed with the secret echoed by the server');

      prod.faults.set({ kind: 'http503', path: PATHS.startCall, times: 1 });
      await page.getByTestId('dial-input').fill('13800138033');
      await page.getByTestId('dial-call').click();
      await expect(stripItemsFor(page, '13800138033')).toHaveAttribute('data-state', 'failed');
      await scan('call failed with HTTP 503');

      await fillRoster(page, ['13600136091', '13600136092']);
      await page.getByTestId('conf-start').click();
      await page.getByTestId('conf-confirm').click();
      await expect(confStripItems(page, '13600136091')).toHaveAttribute('data-state', FINAL_OR_PROGRESS);
      await scan('conference');

      await page.getByTestId('tab-log').click();
      await expect(page.getByTestId('log-row')).toHaveCount(4);
      await scan('call log');

      const logCsv = await download(page.getByTestId('log-export'));
      expect(logCsv).toContain('13800138031');
      await page.getByTestId('tab-contacts').click();
      const contactsCsv = await download(page.getByTestId('export-button'));
      expect(contactsCsv).toContain('张三');
      await scan('exports');

      await app.reload();
      await expect(page.getByTestId('mode-badge')).toHaveText('正式 / Production');
      await page.getByTestId('tab-settings').click();
      await expect(page.getByTestId('account-status')).toBeVisible();
      await scan('reload, settings');

      // The signing really used the sentinel: the server checked every request with it.
      expect(prod.requests.length).toBeGreaterThanOrEqual(5);
      expect(prod.requests.every((r) => r.signatureValid)).toBe(true);
      for (const r of prod.requests) expect(leaks(`request ${r.path}`, JSON.stringify({ h: r.headers, b: r.rawBody }))).toEqual([]);

      // Nor in any file of the data folder (settings, the vault's ciphertext, collections, the log).
      const files = listFiles(app.runtime.dataDir);
      expect(files.map((f) => basename(f))).toEqual(expect.arrayContaining(['dispatch-desk.log', 'settings.json', 'vault.json']));
      const log = readFileSync(join(app.runtime.dataDir, 'dispatch-desk.log'), 'utf8');
      expect(log).toContain('call.start');
      expect(log).toContain('account.saved');
      for (const f of files) expect(leaks(f, readFileSync(f).toString('latin1'))).toEqual([]);
    } finally {
      await prod.close();
    }
  });
});

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Data-folder files a step left behind, by name pattern. */
function filesMatching(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).filter((name) => pattern.test(name));
}

/** After a damaged start: own number, a new contact, a call that goes through. */
async function appStillWorks(app: DispatchApp): Promise<void> {
  const { page } = app;
  const sim = await sandboxSimulator(app);
  await setOwnNumber(page);
  await addContact(page, '赵六', '13500135099');
  await expect(page.getByTestId('contact-row').filter({ hasText: '赵六' })).toHaveCount(1);
  await page.getByTestId('contact-row').filter({ hasText: '赵六' }).getByTestId('contact-call').click();
  await expect(stripItemsFor(page, '13500135099')).toHaveAttribute('data-state', FINAL_OR_PROGRESS);
  expect(startCallsTo(sim, '13500135099')).toBe(1);
  // And it survives a reload: the fresh file the store started is a good one.
  await app.reload();
  await expect(page.getByTestId('contact-row').filter({ hasText: '赵六' })).toHaveCount(1);
}

test.describe('a damaged contacts snapshot', () => {
  // Not a snapshot at all: binary junk, then half a header.
  const GARBAGE = Buffer.concat([
    Buffer.from([0x00, 0xff, 0xfe, 0x1b]),
    Buffer.from('\n{"format":"dispatch-desk.collection","version":1,"ids":["a"'),
    Buffer.from('垃圾数据'),
  ]);
  test.use({ dataDirFiles: { 'contacts.snapshot.jsonl': GARBAGE } });

  test('is moved aside byte for byte, the banner names it, and the app works', async ({ app }) => {
    const { page } = app;
    const dir = app.runtime.dataDir;
    const aside = filesMatching(dir, /^contacts\.snapshot\.corrupt-.+\.jsonl$/);
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0])).equals(GARBAGE)).toBe(true);

    const banner = page.getByTestId('notice-banner');
    await expect(banner).toBeVisible();
    const item = banner.getByTestId('notice-item').filter({ hasText: 'contacts.snapshot.jsonl' });
    await expect(item).toHaveCount(1);
    await expect(item).toContainText(aside[0]);
    await expect(item).toContainText('无法读取');
    await expect(page.getByTestId('contacts-empty')).toBeVisible();

    await appStillWorks(app);
    // The evidence is still there, untouched, after the app wrote its own contacts.
    expect(readFileSync(join(dir, aside[0])).equals(GARBAGE)).toBe(true);
  });
});

test.describe('a zero-length settings.json', () => {
  test.use({ dataDirFiles: { 'settings.json': Buffer.alloc(0) } });

  test('is moved aside, the banner names it, and the app starts over with defaults', async ({ app }) => {
    const { page } = app;
    const dir = app.runtime.dataDir;
    const aside = filesMatching(dir, /^settings\.corrupt-.+\.json$/);
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0])).length).toBe(0);

    const banner = page.getByTestId('notice-banner');
    await expect(banner).toBeVisible();
    const item = banner.getByTestId('notice-item').filter({ hasText: 'settings.json' });
    await expect(item).toHaveCount(1);
    await expect(item).toContainText(aside[0]);
    await expect(page.getByTestId('mode-badge')).toHaveText('沙箱 / Sandbox');

    await appStillWorks(app);
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toMatchObject({ settings: { callerNumber: OWN_NUMBER } });
  });
});

test.describe('a contacts snapshot with one damaged record', () => {
  // A real snapshot of two contacts (written by the app's own code), then the second record's
  // line overwritten with junk of the same shape: the file opens, the record fails when first read.
  test.use({
    dataDirFiles: async ({}, use) => {
      const scratch = mkdtempSync(join(tmpdir(), 'dispatch-e2e-seed-'));
      try {
        const seed = openNodeRuntime({ dataDir: scratch });
        for (const [name, number] of [
          ['张三', '13800138041'],
          ['李四', '13800138042'],
        ]) {
          const r = await seed.core.handlers.contactSave({ contact: { name, numbers: [{ label: '', number }] } });
          if (!r.ok) throw new Error(`seed contact: ${r.message}`);
        }
        await seed.core.close();
        const contacts = openCollection({ dir: scratch, name: 'contacts' });
        contacts.compact();
        contacts.close();
        const lines = readFileSync(join(scratch, 'contacts.snapshot.jsonl'), 'utf8').split('\n');
        const bad = lines.findIndex((l) => l.includes('李四'));
        lines[bad] = '{' + '#'.repeat(lines[bad].length - 2) + '}';
        await use({ 'contacts.snapshot.jsonl': lines.join('\n') });
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    },
  });

  test('keeps the good record, keeps a copy, and the banner says a record was skipped', async ({ app }) => {
    const { page } = app;
    await expect(page.getByTestId('contact-row').filter({ hasText: '张三' })).toHaveCount(1);
    await expect(page.getByTestId('contact-row')).toHaveCount(1);
    const dir = app.runtime.dataDir;
    await expect.poll(() => filesMatching(dir, /^contacts\.snapshot\.corrupt-.+\.jsonl$/)).toHaveLength(1);
    const copy = filesMatching(dir, /^contacts\.snapshot\.corrupt-.+\.jsonl$/)[0];
    expect(readFileSync(join(dir, copy), 'utf8')).toContain('张三');

    // Whenever the damage is found (at start-up, or when the list is first read, which may be
    // after the page asked for notices), the banner must say so.
    const item = page.getByTestId('notice-banner').getByTestId('notice-item').filter({ hasText: 'contacts.snapshot.jsonl' });
    await expect(item).toContainText(copy);
    await expect(item).toContainText('1 条记录损坏');

    await appStillWorks(app);
  });
});
