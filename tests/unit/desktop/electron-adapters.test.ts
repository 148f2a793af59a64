/** The Electron adapters, against a mock that records what they ask Electron to do. */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const appHandlers = new Map<string, (...args: unknown[]) => void>();
  const trays: Array<{
    image: unknown;
    handlers: Map<string, () => void>;
    menu: unknown;
    tooltip: string;
    setImage: ReturnType<typeof vi.fn>;
    destroy: ReturnType<typeof vi.fn>;
  }> = [];
  const notifications: Array<{ options: unknown; handlers: Map<string, () => void>; shown: boolean }> = [];
  return {
    appHandlers,
    trays,
    notifications,
    app: {
      isPackaged: true,
      setAsDefaultProtocolClient: vi.fn(() => true),
      setLoginItemSettings: vi.fn(),
      on: vi.fn((name: string, handler: (...args: unknown[]) => void) => appHandlers.set(name, handler)),
    },
    globalShortcut: { register: vi.fn((accelerator: string) => accelerator !== 'Ctrl+Alt+D'), unregister: vi.fn(), unregisterAll: vi.fn() },
    clipboard: { readText: vi.fn(async () => '139 0013 9000') },
    nativeImage: { createFromPath: vi.fn((path: string) => ({ path })) },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
    Tray: vi.fn(function (this: Record<string, unknown>, image: unknown) {
      const tray = { image, handlers: new Map<string, () => void>(), menu: null as unknown, tooltip: '', setImage: vi.fn(), destroy: vi.fn() };
      trays.push(tray);
      Object.assign(this, {
        on: (name: string, handler: () => void) => tray.handlers.set(name, handler),
        setContextMenu: (menu: unknown) => (tray.menu = menu),
        setToolTip: (text: string) => (tray.tooltip = text),
        setImage: tray.setImage,
        destroy: tray.destroy,
      });
    }),
    Notification: Object.assign(
      vi.fn(function (this: Record<string, unknown>, options: unknown) {
        const n = { options, handlers: new Map<string, () => void>(), shown: false };
        notifications.push(n);
        Object.assign(this, { on: (name: string, handler: () => void) => n.handlers.set(name, handler), show: () => (n.shown = true) });
      }),
      { isSupported: vi.fn(() => true) },
    ),
  };
});
vi.mock('electron', () => electron);

import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createElectronDesktopIntegration } from '../../../src/main/electron/desktop-integration';
import { registerGlobalHotkeys, readClipboardForDial } from '../../../src/main/electron/hotkey';
import { createMemoryLog } from '../../support/memory-log';
import { installApplicationMenu } from '../../../src/main/electron/menu';
import { showNativeNotification } from '../../../src/main/electron/notifications';
import { registerLinkIntake } from '../../../src/main/electron/protocol';
import { createAppTray } from '../../../src/main/electron/tray';

beforeEach(() => {
  vi.clearAllMocks();
  electron.appHandlers.clear();
  electron.trays.length = 0;
  electron.notifications.length = 0;
});

describe('link intake', () => {
  it('claims dispatchdesk:, forwards a second instance’s links and macOS open-url, focusing the window', () => {
    const onLinks = vi.fn();
    const focus = vi.fn();
    registerLinkIntake({ onLinks, focus });
    expect(electron.app.setAsDefaultProtocolClient).toHaveBeenCalledWith('dispatchdesk');

    electron.appHandlers.get('second-instance')!({}, ['C:\\Dispatch Desk.exe', '--flag', 'dispatchdesk://dial/13900139000'], 'C:\\');
    expect(focus).toHaveBeenCalledTimes(1);
    expect(onLinks).toHaveBeenCalledWith(['dispatchdesk://dial/13900139000']);

    // A second instance without a link only focuses.
    electron.appHandlers.get('second-instance')!({}, ['C:\\Dispatch Desk.exe'], 'C:\\');
    expect(onLinks).toHaveBeenCalledTimes(1);
    expect(focus).toHaveBeenCalledTimes(2);

    const event = { preventDefault: vi.fn() };
    electron.appHandlers.get('open-url')!(event, 'tel:+8613900139000');
    expect(event.preventDefault).toHaveBeenCalled();
    expect(onLinks).toHaveBeenLastCalledWith(['tel:+8613900139000']);
  });
});

describe('global hotkeys', () => {
  it('registers each binding with globalShortcut and reports the one another program holds', async () => {
    const warn = vi.fn();
    const report = registerGlobalHotkeys(
      { dialClipboard: 'ctrl+alt+d', toggleWindow: 'Ctrl+Alt+S' },
      { dialClipboard: vi.fn(), toggleWindow: vi.fn() },
      { warn },
    );
    expect(electron.globalShortcut.unregisterAll).toHaveBeenCalled();
    expect(electron.globalShortcut.register.mock.calls.map((c) => c[0])).toEqual(['Ctrl+Alt+D', 'Ctrl+Alt+S']);
    expect(report.conflicts).toEqual([{ action: 'dialClipboard', accelerator: 'Ctrl+Alt+D' }]);
    expect(warn).toHaveBeenCalledWith('hotkey.conflict', { action: 'dialClipboard', accelerator: 'Ctrl+Alt+D' });
    expect(await readClipboardForDial()).toBe('139 0013 9000');
  });
});

describe('tray', () => {
  it('shows the mode icon and a menu whose items run the actions; changes icon when a call starts', () => {
    const onAction = vi.fn();
    const tray = createAppTray({ appRoot: '/app.asar', onAction, formatNumber: (n) => n });
    tray.update({ mode: 'sandbox', callInProgress: false, recent: [{ number: '13900139000', name: '张三' }], language: 'en' });
    expect(electron.nativeImage.createFromPath).toHaveBeenCalledWith(expect.stringMatching(/app\.asar[\\/]resources[\\/]tray[\\/]sandbox(Template)?\.png$/));
    const [created] = electron.trays;
    expect(created.tooltip).toContain('sandbox');
    const template = (created.menu as { template: Array<{ label?: string; click?: () => void; enabled?: boolean }> }).template;
    template.find((item) => item.label?.startsWith('张三'))!.click!();
    expect(onAction).toHaveBeenCalledWith({ type: 'redial', number: '13900139000' });
    template.find((item) => item.label === 'Quit')!.click!();
    expect(onAction).toHaveBeenLastCalledWith({ type: 'quit' });
    created.handlers.get('click')!();
    expect(onAction).toHaveBeenLastCalledWith({ type: 'show' });

    tray.update({ mode: 'sandbox', callInProgress: true, recent: [], language: 'en' });
    expect(electron.trays).toHaveLength(1);
    expect(created.setImage).toHaveBeenCalledWith({ path: expect.stringMatching(/in-call(Template)?\.png$/) });
    tray.destroy();
    expect(created.destroy).toHaveBeenCalled();
  });
});

describe('application menu', () => {
  it('installs Edit roles and View/Help commands in the UI language', () => {
    const onCommand = vi.fn();
    installApplicationMenu('zh-CN', onCommand);
    const template = electron.Menu.buildFromTemplate.mock.calls[0][0] as Array<{
      label: string;
      submenu: Array<{ role?: string; label?: string; enabled?: boolean; click?: () => void }>;
    }>;
    expect(template.map((s) => s.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(template[1].submenu.map((i) => i.role).filter(Boolean)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    template[2].submenu[0].click!();
    expect(onCommand).toHaveBeenCalledWith('zoom-in');
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    // File → undo last import: greyed out unless told otherwise, and running the command when chosen.
    expect(template[0].submenu[0]).toMatchObject({ label: '撤销上次导入', enabled: false });
    installApplicationMenu('en', onCommand, { undoImport: true });
    const enabled = electron.Menu.buildFromTemplate.mock.calls[1][0] as typeof template;
    expect(enabled[0].submenu[0]).toMatchObject({ label: 'Undo last import', enabled: true });
    enabled[0].submenu[0].click!();
    expect(onCommand).toHaveBeenCalledWith('undo-last-import');
  });
});

describe('notifications', () => {
  it('shows a native notification whose click reports the log entry', () => {
    const onClick = vi.fn();
    expect(showNativeNotification({ entryId: 'e1', title: 'Dispatch Desk', body: 'Call to 张三 failed' }, onClick)).toBe(true);
    const [shown] = electron.notifications;
    expect(shown).toMatchObject({ options: { title: 'Dispatch Desk', body: 'Call to 张三 failed' }, shown: true });
    shown.handlers.get('click')!();
    expect(onClick).toHaveBeenCalledWith('e1');
  });

  it('does nothing where notifications are not supported', () => {
    electron.Notification.isSupported.mockReturnValueOnce(false);
    expect(showNativeNotification({ entryId: 'e1', title: 't', body: 'b' }, vi.fn())).toBe(false);
    expect(electron.notifications).toHaveLength(0);
  });
});

describe('desktop settings integration', () => {
  const settings = { hotkeyDialClipboard: 'Ctrl+Alt+K', hotkeyToggleWindow: 'Ctrl+Alt+S', closeToTray: true, notifications: true, startAtLogin: false };

  it('registers the hotkeys, again only when a binding changes, and reports the one another program holds', () => {
    const handlers = { dialClipboard: vi.fn(), toggleWindow: vi.fn() };
    const integration = createElectronDesktopIntegration({ handlers, log: createMemoryLog() });
    expect(integration.applies).toContain('startAtLogin'); // the mock app is packaged
    const first = integration.apply(settings, null);
    expect(electron.globalShortcut.register.mock.calls.map((c) => c[0])).toEqual(['Ctrl+Alt+K', 'Ctrl+Alt+S']);
    expect(first.hotkeys.hotkeyDialClipboard).toEqual({ status: 'registered', accelerator: 'Ctrl+Alt+K' });
    // The registered callback is the action's handler.
    (electron.globalShortcut.register.mock.calls[0] as unknown as [string, () => void])[1]();
    expect(handlers.dialClipboard).toHaveBeenCalledTimes(1);

    electron.globalShortcut.register.mockClear();
    electron.globalShortcut.unregisterAll.mockClear();
    integration.apply({ ...settings, notifications: false }, settings);
    expect(electron.globalShortcut.unregisterAll).not.toHaveBeenCalled();
    expect(electron.globalShortcut.register).not.toHaveBeenCalled();

    // The mock's globalShortcut refuses Ctrl+Alt+D, as if another program held it.
    const moved = integration.apply({ ...settings, hotkeyDialClipboard: 'Ctrl+Alt+D' }, settings);
    expect(electron.globalShortcut.unregisterAll).toHaveBeenCalledTimes(1);
    expect(moved.hotkeys.hotkeyDialClipboard).toEqual({ status: 'taken', accelerator: 'Ctrl+Alt+D' });
    expect(moved.hotkeys.hotkeyToggleWindow.status).toBe('registered');
  });

  it('start at login: the login item (Windows/macOS) or an autostart file (Linux), set when it changes', () => {
    const config = mkdtempSync(join(tmpdir(), 'dispatch-autostart-'));
    const saved = process.env.XDG_CONFIG_HOME;
    process.env.XDG_CONFIG_HOME = config;
    try {
      const integration = createElectronDesktopIntegration({ handlers: { dialClipboard: vi.fn(), toggleWindow: vi.fn() }, log: createMemoryLog() });
      integration.apply(settings, null);
      integration.apply({ ...settings, startAtLogin: true }, settings);
      const file = join(config, 'autostart', 'dispatch-desk.desktop');
      if (process.platform === 'linux') {
        expect(readFileSync(file, 'utf8')).toContain('X-GNOME-Autostart-enabled=true');
        integration.apply(settings, { ...settings, startAtLogin: true });
        expect(existsSync(file)).toBe(false);
      } else {
        expect(electron.app.setLoginItemSettings).toHaveBeenLastCalledWith({ openAtLogin: true });
      }
    } finally {
      if (saved === undefined) delete process.env.XDG_CONFIG_HOME;
      else process.env.XDG_CONFIG_HOME = saved;
      rmSync(config, { recursive: true, force: true });
    }
  });
});
