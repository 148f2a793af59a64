import { words } from '../../support/words';
/** The call log as a CSV file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSandbox } from '../../../src/main/sandbox/sandbox';
import { PATHS, startSimulator, type Simulator } from '../../../src/simulator';
import { localIso } from '../../../src/main/local-time';
import { openTestCore, type TestCore } from '../../support/test-core';

const APP_KEY = 'prodappkey000000000000000000aa01';
const APP_SECRET = 'prodsecret00000000000000000000b2';

let dataDir: string;
let t: TestCore;
let prod: Simulator;
let clock: number;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'dispatch-logcsv-'));
  clock = new Date(2024, 10, 28, 23, 59, 58).getTime();
  prod = await startSimulator({ accounts: [{ appKey: APP_KEY, appSecret: APP_SECRET, accids: ['ops_desk'] }] });
  t = openTestCore(dataDir, { sandbox: createSandbox(), now: () => clock });
  await t.call('settingsSet', { callerNumber: '13900139000' });
});
afterEach(async () => {
  await t.core.close();
  await prod.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Good enough for our own output: no quoted commas except in the cells we check. */
const rows = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean);

describe('call log export', () => {
  it('writes a BOM, Chinese headers, local ISO times, named parties and the failure in Chinese', async () => {
    await t.call('contactSave', { contact: { name: '=HYPERLINK("x")', numbers: [{ label: '', number: '13800138000' }] } });
    const ok = await t.call('startConf', { callees: ['13800138000', '13700137000'], maxDur: 300 });
    expect(ok).toMatchObject({ ok: true });

    clock += 2000;
    await t.call('settingsSet', { callerAcc: 'ops_desk' });
    await t.call('accountSave', { appKey: APP_KEY, appSecret: APP_SECRET, baseUrl: prod.url });
    prod.faults.set({ kind: 'code', code: 403, desc: 'no permission', path: PATHS.startCall });
    const failed = await t.call('startCall', { callee: '01065529988' });
    expect(failed).toMatchObject({ ok: false, code: 403 });

    // Exported two seconds later, past midnight: the file is named after the export time.
    const r = await t.call('callLogExport', {});
    expect(r).toMatchObject({ ok: true, fileName: 'call-log-20241129-0000.csv' });
    const csv = r.csv as string;
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [header, first, second] = rows(csv);
    expect(header).toBe('时间,类型,模式,主叫,被叫,结果,错误码,说明,会话 ID,状态,时长（秒）,挂断原因');

    // Oldest first; the time is local wall-clock time with its offset, and means the same instant.
    const firstTime = first.split(',')[0];
    expect(firstTime).toBe(localIso(new Date(2024, 10, 28, 23, 59, 58).getTime()));
    expect(new Date(firstTime).getTime()).toBe(new Date(2024, 10, 28, 23, 59, 58).getTime());
    expect(first).toContain(',会议,沙箱,="13900139000",');
    // The formula-looking name is defused with an apostrophe and quoted.
    expect(first).toContain(`"'=HYPERLINK(""x"") 13800138000; 13700137000"`);
    expect(first).toContain(`,成功,,,${ok.session as string},已提交,,`);

    expect(second).toContain(',通话,正式,="13900139000",="01065529988",失败,403,');
    expect(second).toContain(words(failed, 'zh-CN')!.split('，')[0]);
    expect(second.endsWith(',失败,,')).toBe(true);

    // The same log in English, as the window asks for when its UI is English.
    const en = await t.call('callLogExport', { lang: 'en' });
    const [enHeader, enFirst, enSecond] = rows(en.csv as string);
    expect(enHeader).toBe('Time,Type,Mode,Caller,Called,Result,Error code,Explanation,Session ID,State,Duration (s),Hang-up cause');
    expect(enFirst).toContain(',Conference,Sandbox,="13900139000",');
    expect(enFirst).toContain(`,Succeeded,,,${ok.session as string},Submitted,,`);
    expect(enSecond).toContain(',Call,Production,="13900139000",="01065529988",Failed,403,');
    expect(enSecond).toContain(words(failed, 'en')!.split(';')[0]);
    expect(enSecond).not.toMatch(/[\u4e00-\u9fff]/);
    expect(enSecond.endsWith(',Failed,,')).toBe(true);
  });

  it('refuses a language it does not have, writing nothing', async () => {
    expect(await t.call('callLogExport', { lang: 'fr' } as never)).toMatchObject({ ok: false, code: 'invalid_input' });
  });

  it('includes the duration and hang cause once a session has ended', async () => {
    await t.core.close();
    let simNow = Date.now();
    t = openTestCore(dataDir, {
      sandbox: createSandbox({ progress: { ringingMs: 10, answeredMs: 10 }, now: () => simNow }),
      now: () => clock,
    });
    await t.call('startCall', { callee: '13800138000' });
    simNow += 1000;
    await t.rounds.tick();
    const [, row] = rows((await t.call('callLogExport', {})).csv as string);
    expect(row.endsWith(',已结束,1,NORMAL_CLEARING')).toBe(true);
  });
});
