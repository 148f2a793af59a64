import { describe, expect, it } from 'vitest';
import type { CallLogEntry } from '../../../src/shared/domain';
import { callInProgress, recentCalls } from '../../../src/main/desktop/call-activity';
import { DEFAULT_HOTKEYS, parseAccelerator, readDialText, registerHotkeys } from '../../../src/main/desktop/hotkeys';
import { applicationMenu, nextZoom } from '../../../src/main/desktop/menu-model';
import { createNotificationDecider } from '../../../src/main/desktop/notifications';
import { trayIconFile, trayMenu, trayTooltip } from '../../../src/main/desktop/tray-model';
import { defaultCloseToTray, mustAskBeforeQuit, onWindowClose } from '../../../src/main/desktop/window-lifecycle';
import { parseWindowState, restoreBounds } from '../../../src/main/desktop/window-state';

const NOW = 1_800_000_000_000;
let seq = 0;
function entry(patch: Partial<CallLogEntry>): CallLogEntry {
  seq++;
  return {
    id: `e${seq}`,
    kind: 'call',
    createdAt: NOW - 1000 * seq,
    updatedAt: NOW - 1000,
    mode: 'sandbox',
    caller: '13900139000',
    parties: [{ number: `1390013900${seq % 10}` }],
    maxDur: 600,
    state: 'ended',
    revision: seq,
    ...patch,
  };
}

describe('call activity', () => {
  it('a call is in progress while submitted, ringing or answered, not after', () => {
    expect(callInProgress([entry({ state: 'ringing' })], NOW)).toBe(true);
    expect(callInProgress([entry({ state: 'answered' })], NOW)).toBe(true);
    expect(callInProgress([entry({ state: 'ended' }), entry({ state: 'failed' })], NOW)).toBe(false);
    // A status never learned does not keep "in call" on for ever.
    expect(callInProgress([entry({ state: 'ringing', updatedAt: NOW - 5 * 3600_000 })], NOW)).toBe(false);
  });

  it('recent calls: the last five different numbers called one to one, newest first', () => {
    const entries = [
      entry({ createdAt: 10, parties: [{ number: '13900000001' }] }),
      entry({ createdAt: 20, parties: [{ number: '13900000002', name: '张三' }] }),
      entry({ createdAt: 30, parties: [{ number: '13900000001' }] }),
      entry({ createdAt: 40, kind: 'conf', parties: [{ number: '13900000009' }, { number: '13900000008' }] }),
      ...[3, 4, 5, 6].map((n) => entry({ createdAt: n, parties: [{ number: `1390000000${n}` }] })),
    ];
    expect(recentCalls(entries).map((c) => c.number)).toEqual(['13900000001', '13900000002', '13900000006', '13900000005', '13900000004']);
    expect(recentCalls(entries)[1]).toEqual({ number: '13900000002', name: '张三' });
  });
});

describe('tray model', () => {
  const base = { mode: 'sandbox' as const, callInProgress: false, recent: [], language: 'zh-CN' as const };

  it('the icon shows the mode, or the call in progress; macOS gets the template', () => {
    expect(trayIconFile(base, 'win32')).toBe('resources/tray/sandbox.png');
    expect(trayIconFile({ ...base, mode: 'production' }, 'linux')).toBe('resources/tray/production.png');
    expect(trayIconFile({ ...base, callInProgress: true }, 'darwin')).toBe('resources/tray/in-callTemplate.png');
    expect(trayTooltip({ ...base, callInProgress: true, language: 'en' })).toBe('Dispatch Desk · Mode: sandbox (no real phone rings) · Call in progress');
  });

  it('the menu: show, dial from clipboard, at most five recent calls (each a redial request), mode, quit', () => {
    const recent = Array.from({ length: 7 }, (_, i) => ({ number: `1390000000${i}`, name: i === 0 ? '张三' : undefined }));
    const menu = trayMenu({ ...base, recent }, (n) => `fmt(${n})`);
    const actions = menu.flatMap((item) => (item.kind === 'action' ? [item.action] : []));
    expect(actions[0]).toEqual({ type: 'show' });
    expect(actions[1]).toEqual({ type: 'dial-clipboard' });
    expect(actions.filter((a) => a.type === 'redial')).toHaveLength(5);
    expect(actions.at(-1)).toEqual({ type: 'quit' });
    expect(menu.find((item) => item.kind === 'action' && item.action.type === 'redial')).toMatchObject({ label: '张三  fmt(13900000000)…' });
    expect(menu.some((item) => item.kind === 'info' && item.label.includes('沙箱'))).toBe(true);
  });

  it('says so when there are no recent calls', () => {
    const menu = trayMenu({ ...base, language: 'en' }, String);
    expect(menu.some((item) => item.kind === 'info' && item.label === '(none yet)')).toBe(true);
  });
});

describe('hotkeys', () => {
  it('accepts and normalises accelerators; the defaults are valid', () => {
    expect(parseAccelerator('ctrl+alt+d')).toEqual({ ok: true, accelerator: 'Ctrl+Alt+D' });
    expect(parseAccelerator(' Alt + Control + F9 ')).toEqual({ ok: true, accelerator: 'Ctrl+Alt+F9' });
    expect(parseAccelerator('CmdOrCtrl+Shift+Space')).toEqual({ ok: true, accelerator: 'CommandOrControl+Shift+Space' });
    for (const accelerator of Object.values(DEFAULT_HOTKEYS)) expect(parseAccelerator(accelerator).ok).toBe(true);
  });

  it.each([
    ['', 'empty'],
    ['Ctrl+Alt', 'no_key'],
    ['Shift+D', 'needs_modifier'],
    ['D', 'needs_modifier'],
    ['Ctrl+D+E', 'two_keys'],
    ['Ctrl+Hyper+D', 'unknown_part'],
  ])('refuses %j (%s)', (text, reason) => {
    expect(parseAccelerator(text)).toEqual({ ok: false, reason });
  });

  it('reports a hotkey another application holds, an invalid one and a duplicate', () => {
    const taken = new Set(['Ctrl+Alt+D']);
    const registered: string[] = [];
    const registrar = { register: (a: string) => (taken.has(a) ? false : (registered.push(a), true)), unregister: () => {} };
    const handlers = { dialClipboard: () => {}, toggleWindow: () => {} };
    expect(registerHotkeys(registrar, { dialClipboard: 'Ctrl+Alt+D', toggleWindow: 'Ctrl+Alt+S' }, handlers)).toEqual({
      registered: [{ action: 'toggleWindow', accelerator: 'Ctrl+Alt+S' }],
      conflicts: [{ action: 'dialClipboard', accelerator: 'Ctrl+Alt+D' }],
      invalid: [],
    });
    const second = registerHotkeys(registrar, { dialClipboard: 'Ctrl+Alt+X', toggleWindow: 'ctrl+alt+x' }, handlers);
    expect(second.conflicts).toEqual([{ action: 'toggleWindow', accelerator: 'Ctrl+Alt+X' }]);
    expect(registerHotkeys(registrar, { dialClipboard: 'D', toggleWindow: 'Ctrl+Alt+Y' }, handlers).invalid).toEqual([
      { action: 'dialClipboard', text: 'D', reason: 'needs_modifier' },
    ]);
  });

  it('reads the selection first on Linux, the clipboard elsewhere', async () => {
    const text = (value: string) => ({ readText: async () => value });
    const clipboard = { ...text('010 6552 9988'), selection: text('139 0013 9000') };
    expect(await readDialText(clipboard, 'linux')).toBe('139 0013 9000');
    expect(await readDialText(clipboard, 'win32')).toBe('010 6552 9988');
    expect(await readDialText({ ...text('010 6552 9988'), selection: text(' ') }, 'linux')).toBe('010 6552 9988');
  });
});

describe('window lifecycle', () => {
  it('close to tray is on by default on Windows only', () => {
    expect(defaultCloseToTray('win32')).toBe(true);
    expect(defaultCloseToTray('linux')).toBe(false);
    expect(defaultCloseToTray('darwin')).toBe(false);
  });

  it('hides instead of closing when close-to-tray is on, unless the app is quitting or has no tray', () => {
    expect(onWindowClose({ closeToTray: true, quitting: false, trayAvailable: true })).toBe('hide');
    expect(onWindowClose({ closeToTray: true, quitting: true, trayAvailable: true })).toBe('close');
    expect(onWindowClose({ closeToTray: true, quitting: false, trayAvailable: false })).toBe('close');
    expect(onWindowClose({ closeToTray: false, quitting: false, trayAvailable: true })).toBe('close');
  });

  it('asks before quitting only while a call is in progress, once', () => {
    expect(mustAskBeforeQuit({ callInProgress: true, alreadyConfirmed: false })).toBe(true);
    expect(mustAskBeforeQuit({ callInProgress: true, alreadyConfirmed: true })).toBe(false);
    expect(mustAskBeforeQuit({ callInProgress: false, alreadyConfirmed: false })).toBe(false);
  });
});

describe('window state', () => {
  const primary = { x: 0, y: 0, width: 1920, height: 1040 };
  const saved = (x: number, y: number, width = 1280, height = 820) => ({ bounds: { x, y, width, height }, maximized: false, zoomLevel: 0 });

  it('restores bounds on a display that is still there', () => {
    expect(restoreBounds(saved(100, 50), [primary])).toEqual({ x: 100, y: 50, width: 1280, height: 820 });
  });

  it('forgets bounds on a display that is gone, and pulls a half-off window back', () => {
    expect(restoreBounds(saved(2500, 100), [primary])).toBeNull();
    expect(restoreBounds(saved(1800, 100), [primary])).toEqual({ x: 640, y: 100, width: 1280, height: 820 });
  });

  it('shrinks a window larger than the display, never below the minimum size', () => {
    expect(restoreBounds(saved(0, 0, 4000, 3000), [{ x: 0, y: 0, width: 1366, height: 728 }])).toEqual({ x: 0, y: 0, width: 1366, height: 728 });
  });

  it('parses what was saved defensively', () => {
    expect(parseWindowState(null)).toBeNull();
    expect(parseWindowState({ bounds: { x: 'a', y: 0, width: 1, height: 1 } })).toBeNull();
    expect(parseWindowState({ bounds: { x: 1.4, y: 2, width: 1000, height: 700 }, maximized: true, zoomLevel: 99 })).toEqual({
      bounds: { x: 1, y: 2, width: 1000, height: 700 },
      maximized: true,
      zoomLevel: 5,
    });
  });
});

describe('notifications', () => {
  const decide = createNotificationDecider((n) => `fmt(${n})`);

  it('a failed call, a call not answered and an ended conference notify once each', () => {
    const failed = entry({ state: 'failed', parties: [{ number: '13900000001', name: '张三' }], error: { code: 'x', message: 'boom' } });
    expect(decide(failed, { enabled: true, language: 'zh-CN' })).toMatchObject({ entryId: failed.id, body: '呼叫 张三 失败: boom' });
    expect(decide(failed, { enabled: true, language: 'zh-CN' })).toBeNull();
    const missed = entry({ state: 'ended', durationSec: 0, hangCause: 'NO_USER_RESPONSE', parties: [{ number: '13900000002' }] });
    expect(decide(missed, { enabled: true, language: 'en' })).toMatchObject({ body: 'fmt(13900000002) did not answer' });
    const conf = entry({ kind: 'conf', state: 'ended', durationSec: 125 });
    expect(decide(conf, { enabled: true, language: 'en' })).toMatchObject({ body: 'Conference ended after 2 min 5 s' });
  });

  it('a single call with an extension names it, so the dispatcher knows who at the switchboard was missed', () => {
    const missed = entry({
      state: 'ended',
      durationSec: 0,
      hangCause: 'NO_USER_RESPONSE',
      parties: [{ number: '01062234302', name: '王经理', extension: '396' }],
    });
    expect(decide(missed, { enabled: true, language: 'zh-CN' })).toMatchObject({ body: '王经理 转 396 未接听' });
    const failed = entry({ state: 'failed', parties: [{ number: '057188886666', extension: '123' }], error: { code: 'x', message: 'boom' } });
    expect(decide(failed, { enabled: true, language: 'en' })).toMatchObject({ body: 'Call to fmt(057188886666) ext. 123 failed: boom' });
  });

  it('an answered call, a call still ringing and anything while turned off do not notify', () => {
    expect(decide(entry({ state: 'ended', durationSec: 42, hangCause: 'NORMAL_CLEARING' }), { enabled: true, language: 'en' })).toBeNull();
    expect(decide(entry({ state: 'ringing' }), { enabled: true, language: 'en' })).toBeNull();
    expect(decide(entry({ state: 'failed', error: { code: 1, message: 'x' } }), { enabled: false, language: 'en' })).toBeNull();
  });
});

describe('application menu', () => {
  it('has the Edit roles, View zoom and Help entries in the UI language', () => {
    const zh = applicationMenu('zh-CN');
    expect(zh.map((s) => s.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    const roles = zh[1].entries.flatMap((e) => (e.kind === 'role' ? [e.role] : []));
    expect(roles).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    const commands = applicationMenu('en').flatMap((s) => s.entries.flatMap((e) => (e.kind === 'command' ? [e.command] : [])));
    expect(commands).toEqual(['undo-last-import', 'quit', 'zoom-in', 'zoom-out', 'zoom-reset', 'open-data-folder', 'about']);
  });

  it('zooms in half steps within limits', () => {
    expect(nextZoom(0, 'zoom-in')).toBe(0.5);
    expect(nextZoom(5, 'zoom-in')).toBe(5);
    expect(nextZoom(-3, 'zoom-out')).toBe(-3);
    expect(nextZoom(2, 'zoom-reset')).toBe(0);
  });
});
