import { vi } from 'vitest';

// The Electron binary is not installed on CI machines; `require('electron')` would throw. Unit tests
// never need the real thing: everything Electron touches sits behind thin adapters that tests
// replace with fakes. This one mock keeps an accidental import from crashing a whole test file.
vi.mock('electron', () => {
  const notAvailable = () => {
    throw new Error('electron is mocked in unit tests; use an adapter fake');
  };
  return {
    default: {},
    app: { getPath: notAvailable, whenReady: notAvailable, on: vi.fn() },
    ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
    ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
    webContents: { fromId: vi.fn() },
    contextBridge: { exposeInMainWorld: vi.fn() },
    safeStorage: {
      isEncryptionAvailable: () => false,
      encryptString: notAvailable,
      decryptString: notAvailable,
    },
    BrowserWindow: vi.fn(),
    session: {},
    shell: { openExternal: vi.fn() },
  };
});
