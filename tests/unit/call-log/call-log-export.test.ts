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
    expect(header).toBe(
      '时间,类型,模式,主叫,被叫,结果,原因,说明,错误码,会话 ID,状态代码,云信状态,时长（秒）,挂断原因代码,每个人,时长上限（秒）,每人上限（秒）',
    );

    // Oldest first; the time is local wall-clock time with its offset, and means the same instant.
    const firstTime = first.split(',')[0];
    expect(firstTime).toBe(localIso(new Date(2024, 10, 28, 23, 59, 58).getTime()));
    expect(new Date(firstTime).getTime()).toBe(new Date(2024, 10, 28, 23, 59, 58).getTime());
    expect(first).toContain(',会议,沙箱,="13900139000",');
    // The formula-looking name is defused with an apostrophe and quoted.
    expect(first).toContain(`"'=HYPERLINK(""x"") 13800138000; 13700137000"`);
    expect(first).toContain(`,已受理,,云信已受理请求，即将呼叫。,,${ok.session as string},submitted,,,,,300,`);

    expect(second).toContain(',通话,正式,="13900139000",="01065529988",失败,云信拒绝（403）,');
    expect(second).toContain(words(failed, 'zh-CN')!.split('，')[0]);
    expect(second).toContain(',403,,failed,,,,,600,');

    // The same log in English, as the window asks for when its UI is English.
    const en = await t.call('callLogExport', { lang: 'en' });
    const [enHeader, enFirst, enSecond] = rows(en.csv as string);
    expect(enHeader).toBe(
      'Time,Type,Mode,Caller,Called,Result,Reason,Explanation,Error code,Session ID,State code,Yunxin status,Duration (s),Hang-up code,Per person,Time limit (s),Limit per person (s)',
    );
    expect(enFirst).toContain(',Conference,Sandbox,="13900139000",');
    expect(enFirst).toContain(`,Accepted,,Yunxin accepted the request and is about to ring.,,${ok.session as string},submitted,`);
    expect(enSecond).toContain(',Call,Production,="13900139000",="01065529988",Failed,Refused by Yunxin (403),');
    expect(enSecond).toContain(words(failed, 'en')!.split(';')[0]);
    expect(enSecond).not.toMatch(/[\u4e00-\u9fff]/);
    expect(enSecond).toContain(',403,,failed,');
  });

  it('keeps the extension the dispatcher asked for next to the number, in the UI language', async () => {
    await t.call('contactSave', { contact: { name: '王经理', numbers: [{ label: '办公室', number: '010-62234302-396' }] } });
    expect(await t.call('startCall', { callee: '01062234302', extension: '396' })).toMatchObject({ ok: true, callee: '01062234302' });
    const zh = (await t.call('callLogExport', {})).csv as string;
    expect(rows(zh)[1].split(',')[4]).toBe('王经理 01062234302 转 396');
    const en = (await t.call('callLogExport', { lang: 'en' })).csv as string;
    expect(rows(en)[1].split(',')[4]).toBe('王经理 01062234302 ext. 396');
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
    expect(row).toContain(',已结束 · 已接通,');
    expect(row).toContain(',ended,SUCCESS,1,NORMAL_CLEARING,"您的电话 13900139000: 已结束 (NORMAL_CLEARING); 13800138000: 已接听 0:01 (NORMAL_CLEARING)",600,');
  });

  it('gives each person of a conference their own outcome, and the wall-clock length rather than the legs summed', async () => {
    await t.core.close();
    // A whole second: the bill's endTime has whole seconds only.
    let simNow = Math.floor(Date.now() / 1000) * 1000;
    t = openTestCore(dataDir, {
      sandbox: createSandbox({ progress: { ringingMs: 1000, answeredMs: 4000 }, now: () => simNow }),
      now: () => clock,
    });
    await t.call('settingsSet', { confPerPersonSec: 120 });
    const r = await t.call('startConf', { callees: ['13700000901', '13700000777'] });
    expect(r).toMatchObject({ ok: true, maxDur: 360, perPersonSec: 120 });
    simNow += 6000;
    await t.rounds.tick();
    const [, row] = rows((await t.call('callLogExport', {})).csv as string);
    expect(row).toContain(',已结束 · 已接通,');
    // Legs summed would be 4 + 0 + 4 = 8 s; the conference lasted 4 s.
    expect(row).toContain(',ended,SUCCESS,4,');
    expect(row).toContain('13700000901: 对方忙 (USER_BUSY)');
    expect(row).toContain('13700000777: 已接听 0:04 (NORMAL_CLEARING)');
    expect(row.endsWith(',360,120')).toBe(true);
  });
});
