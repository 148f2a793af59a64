/** The desktop settings: validated, applied through the shell's integration, refused when a new hotkey is taken, stored. */
import { describe, expect, it, vi } from 'vitest';
import type { DesktopSettings } from '../../../src/shared/domain';
import { acceleratorFromKeyPress } from '../../../src/shared/hotkeys';
import { formatMessage } from '../../../src/shared/i18n';
import { readDesktopSettings } from '../../../src/main/desktop/desktop-prefs';
import { createDesktopSettingsService, type DesktopApplyReport, type DesktopIntegration } from '../../../src/main/desktop/desktop-settings-service';
import { createMemoryKeyValueStore } from '../../../src/main/stores/kv-store';
import { createMemoryLog } from '../../support/memory-log';

/** An integration whose system refuses the accelerators in `taken`, recording every apply. */
function fakeIntegration(taken: Set<string>) {
  const applied: DesktopSettings[] = [];
  const integration: DesktopIntegration = {
    applies: ['hotkeyDialClipboard', 'hotkeyToggleWindow', 'closeToTray', 'notifications', 'startAtLogin'],
    apply(next) {
      applied.push({ ...next });
      const state = (accelerator: string) => ({
        status: accelerator === '' ? ('off' as const) : taken.has(accelerator) ? ('taken' as const) : ('registered' as const),
        accelerator,
      });
      const report: DesktopApplyReport = {
        hotkeys: { hotkeyDialClipboard: state(next.hotkeyDialClipboard), hotkeyToggleWindow: state(next.hotkeyToggleWindow) },
      };
      return report;
    },
  };
  return { integration, applied };
}

const service = (store = createMemoryKeyValueStore(), platform: NodeJS.Platform = 'linux') =>
  createDesktopSettingsService(store, { platform, log: createMemoryLog() });

describe('desktop settings', () => {
  it('defaults: Ctrl+Alt+D / Ctrl+Alt+S, notifications on, start at login off, close to tray on Windows only', () => {
    expect(service(undefined, 'win32').current()).toEqual({
      hotkeyDialClipboard: 'Ctrl+Alt+D',
      hotkeyToggleWindow: 'Ctrl+Alt+S',
      closeToTray: true,
      notifications: true,
      startAtLogin: false,
    });
    expect(service(undefined, 'linux').current().closeToTray).toBe(false);
  });

  it('in the preview: stores normalised values under desktop.json’s keys, applies nothing and says so', () => {
    const store = createMemoryKeyValueStore();
    const s = service(store);
    const r = s.set({ hotkeyDialClipboard: ' alt + ctrl + f9 ', notifications: false });
    expect(r).toMatchObject({ ok: true, desktop: { runtime: 'preview', applied: [], settings: { hotkeyDialClipboard: 'Ctrl+Alt+F9', notifications: false } } });
    expect(r.ok && r.desktop.hotkeys.hotkeyDialClipboard).toEqual({ status: 'stored', accelerator: 'Ctrl+Alt+F9' });
    expect(store.get('hotkeys.dialClipboard')).toBe('Ctrl+Alt+F9');
    expect(store.get('notifications')).toBe(false);
    // What the desktop app reads at its next start.
    expect(readDesktopSettings(store, 'linux')).toMatchObject({ hotkeyDialClipboard: 'Ctrl+Alt+F9', notifications: false });
  });

  it.each([
    [{ hotkeyDialClipboard: 'Shift+D' }, 'hotkeyDialClipboard', 'needs Ctrl, Alt or Win/Command'],
    [{ hotkeyToggleWindow: 'Ctrl+Hyper+X' }, 'hotkeyToggleWindow', 'not recognised'],
    [{ hotkeyToggleWindow: 'ctrl+alt+d' }, 'hotkeyToggleWindow', 'cannot be the same'],
  ])('refuses %j with a sentence naming the field, storing nothing', (patch, field, words) => {
    const store = createMemoryKeyValueStore();
    const r = service(store).set(patch);
    expect(r).toMatchObject({ ok: false, code: 'invalid_input', field });
    expect(!r.ok && formatMessage('en', r.detail!)).toContain(words);
    expect(!r.ok && formatMessage('zh-CN', r.detail!)).toMatch(/快捷键/);
    expect(store.get('hotkeys.dialClipboard')).toBeUndefined();
  });

  it('an empty hotkey is off, not invalid', () => {
    const r = service().set({ hotkeyToggleWindow: '' });
    expect(r.ok && r.desktop.hotkeys.hotkeyToggleWindow).toEqual({ status: 'off', accelerator: '' });
  });

  it('in the desktop app: applied on attach and on every change; a new hotkey another program holds is refused and the old one restored', () => {
    const store = createMemoryKeyValueStore();
    const s = service(store);
    const { integration, applied } = fakeIntegration(new Set(['Ctrl+Alt+T']));
    expect(s.attach(integration).hotkeys.hotkeyDialClipboard).toEqual({ status: 'registered', accelerator: 'Ctrl+Alt+D' });
    expect(s.view()).toMatchObject({ runtime: 'desktop', applied: integration.applies });

    const ok = s.set({ hotkeyDialClipboard: 'Ctrl+Alt+K', closeToTray: true });
    expect(ok).toMatchObject({ ok: true, desktop: { settings: { hotkeyDialClipboard: 'Ctrl+Alt+K', closeToTray: true } } });
    expect(applied.at(-1)).toMatchObject({ hotkeyDialClipboard: 'Ctrl+Alt+K' });

    const taken = s.set({ hotkeyToggleWindow: 'Ctrl+Alt+T', startAtLogin: true });
    expect(taken).toMatchObject({ ok: false, field: 'hotkeyToggleWindow', detail: { key: 'desktopRule.hotkeyTaken' } });
    // The previous bindings were applied again; nothing of the refused save was stored.
    expect(applied.at(-1)).toMatchObject({ hotkeyToggleWindow: 'Ctrl+Alt+S', hotkeyDialClipboard: 'Ctrl+Alt+K' });
    expect(s.current()).toMatchObject({ hotkeyToggleWindow: 'Ctrl+Alt+S', startAtLogin: false });
    expect(store.get('startAtLogin')).not.toBe(true);
    expect(s.view().hotkeys.hotkeyToggleWindow.status).toBe('registered');
  });

  it('a hotkey taken at start-up does not block saving the other settings', () => {
    const s = service();
    s.attach(fakeIntegration(new Set(['Ctrl+Alt+D'])).integration);
    expect(s.view().hotkeys.hotkeyDialClipboard.status).toBe('taken');
    expect(s.set({ notifications: false })).toMatchObject({ ok: true, desktop: { settings: { notifications: false } } });
  });

  it('a write that fails is reported, and the previous settings are applied again', () => {
    const store = createMemoryKeyValueStore();
    const s = service(store);
    const { integration, applied } = fakeIntegration(new Set());
    s.attach(integration);
    store.set = vi.fn(() => {
      throw new Error('ENOSPC');
    });
    expect(s.set({ hotkeyDialClipboard: 'Ctrl+Alt+J' })).toMatchObject({ ok: false, code: 'storage' });
    expect(applied.at(-1)).toMatchObject({ hotkeyDialClipboard: 'Ctrl+Alt+D' });
    expect(s.current().hotkeyDialClipboard).toBe('Ctrl+Alt+D');
  });

  it('a damaged desktop.json value falls back to its default', () => {
    const store = createMemoryKeyValueStore();
    store.set('notifications', 'yes');
    store.set('hotkeys.toggleWindow', 'x'.repeat(100));
    expect(readDesktopSettings(store, 'linux')).toMatchObject({ notifications: true, hotkeyToggleWindow: 'Ctrl+Alt+S' });
  });
});

describe('hotkey field: a key press becomes accelerator text', () => {
  const press = (key: string, mods: Partial<Record<'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey', boolean>> = {}, code?: string) => ({
    key,
    code,
    ctrlKey: false,
    altKey: false,
    shiftKey: false,
    metaKey: false,
    ...mods,
  });
  it.each([
    [press('d', { ctrlKey: true, altKey: true }, 'KeyD'), 'Ctrl+Alt+D'],
    // Alt changes the character on some layouts (macOS: ∂); the physical key decides.
    [press('∂', { altKey: true, metaKey: true }, 'KeyD'), 'Alt+Super+D'],
    [press('F9', { ctrlKey: true }), 'Ctrl+F9'],
    [press(' ', { altKey: true }, 'Space'), 'Alt+Space'],
    [press('ArrowUp', { ctrlKey: true, shiftKey: true }), 'Ctrl+Shift+Up'],
  ])('%j → %s', (p, text) => {
    expect(acceleratorFromKeyPress(p)).toBe(text);
  });
  it('modifiers alone are not a key yet', () => {
    expect(acceleratorFromKeyPress(press('Control', { ctrlKey: true }))).toBeNull();
    expect(acceleratorFromKeyPress(press('Alt', { ctrlKey: true, altKey: true }))).toBeNull();
  });
});
