// Each process boundary in eslint/import-boundaries.mjs fires through the project's real
// eslint.config.mjs: a snippet is linted as if it were a file at the given path (the file need not
// exist), and the message must name the boundary that was crossed.
import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: path.resolve(__dirname, '../../..') });

async function boundaryMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const fatal = result.messages.filter((m) => m.fatal);
  expect(fatal, 'the snippet must parse').toEqual([]);
  return result.messages.filter((m) => m.ruleId === 'local/import-boundaries').map((m) => m.message);
}

const crossings: [string, string, string, RegExp][] = [
  // file, code, what it crosses, expected message
  ['src/renderer/src/App.tsx', "import { x } from '../../main/core';", 'renderer → main', /boundary renderer → main\b/],
  ['src/renderer/src/lib/a.ts', "import { x } from '../../../hub/db/types';", 'renderer → hub', /boundary renderer → hub\b/],
  ['src/renderer/src/lib/a.ts', "import { x } from '../../../yunxin/client';", 'renderer → yunxin', /boundary renderer → yunxin\b/],
  ['src/renderer/src/lib/a.ts', "import { x } from '../../../simulator/server';", 'renderer → simulator', /boundary renderer → simulator\b/],
  ['src/renderer/src/lib/a.ts', "import { readFileSync } from 'node:fs';", 'renderer → node:fs', /Node built-in 'node:fs'.*boundary renderer → Node/],
  ['src/renderer/src/lib/a.ts', "import path from 'path';", 'renderer → path', /Node built-in 'path'.*boundary renderer → Node/],
  ['src/renderer/src/lib/a.ts', "const fs = await import('fs');", 'renderer → fs (dynamic)', /Node built-in 'fs'/],
  [
    'src/renderer/src/lib/a.ts',
    "import Store from 'electron-store';",
    'renderer → Node-only package',
    /Node-only package 'electron-store'.*boundary renderer → Node/,
  ],
  ['src/shared/a.ts', "import { x } from '../main/core';", 'shared → main', /boundary shared → main\b/],
  ['src/shared/a.ts', "import { x } from '../renderer/src/bridge';", 'shared → renderer', /boundary shared → renderer\b/],
  ['src/shared/a.ts', "import type { X } from '../hub/db/types';", 'shared → hub (type only)', /boundary shared → hub\b/],
  ['src/shared/a.ts', "import { createHash } from 'node:crypto';", 'shared → node:crypto', /Node built-in 'node:crypto'.*boundary shared → Node/],
  ['src/shared/a.ts', "import pg from 'pg';", 'shared → pg', /Node-only package 'pg'.*boundary shared → Node/],
  ['src/main/core.ts', "import { x } from '../../tests/support/test-core';", 'src → tests', /boundary main → tests\b/],
  ['src/yunxin/a.ts', "export * from '../../tests/support/fake-cipher';", 'src → tests (re-export)', /boundary yunxin → tests\b/],
  ['src/hub/server.ts', "import { x } from '../main/core';", 'hub → main', /boundary hub → main\b/],
  ['src/main/core.ts', "import { x } from '../hub/db/types';", 'main → hub', /boundary main → hub\b/],
  ['src/main/calls/call-service.ts', "import { app } from 'electron';", 'electron outside its adapters', /may not import 'electron'/],
  ['src/preload/bridge.ts', "const { ipcRenderer } = require('electron');", 'electron in the preload helper', /may not import 'electron'/],
  ['src/hub/server.ts', "import { app } from 'electron';", 'electron in the hub', /may not import 'electron'/],
];

const allowed: [string, string][] = [
  ['src/renderer/src/lib/a.ts', "import type { Settings } from '../../../shared/domain';"],
  ['src/shared/a.ts', "import { z } from 'zod';"],
  ['src/main/electron/app.ts', "import { app } from 'electron';"],
  ['src/main/index.ts', "import { app } from 'electron';"],
  ['src/preload/index.ts', "import { contextBridge } from 'electron';"],
  ['src/main/window/options.ts', "import type { BrowserWindowConstructorOptions } from 'electron';"],
  ['src/main/core.ts', "import { readFileSync } from 'node:fs';\nimport { x } from '../yunxin/client';"],
  ['src/hub/server.ts', "import { x } from '../yunxin/client';\nimport { y } from '../shared/domain';"],
  ['tests/unit/a.test.ts', "import { x } from '../../src/main/core';\nimport { y } from '../support/test-core';"],
];

describe('import boundaries', () => {
  it.each(crossings)('%s: `%s` is refused (%s)', async (file, code, _what, message) => {
    const messages = await boundaryMessages(file, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(message);
  });

  it.each(allowed)('%s: `%s` is allowed', async (file, code) => {
    expect(await boundaryMessages(file, code)).toEqual([]);
  });
});

describe('a disable comment needs a reason', () => {
  const rules = async (code: string) => (await eslint.lintText(code, { filePath: 'src/main/a.ts' }))[0].messages.map((m) => m.ruleId);

  it('without one it is an error', async () => {
    expect(await rules('// eslint-disable-next-line prefer-const\nlet a = 1;\nexport { a };\n')).toContain('local/disable-needs-reason');
  });

  it('with one it is accepted', async () => {
    expect(await rules('// eslint-disable-next-line prefer-const -- kept mutable for the test\nlet a = 1;\nexport { a };\n')).toEqual([]);
  });
});

describe('stores change only through their own actions', () => {
  it('setState on a store from renderer code is an error', async () => {
    const code = "import { useRosterStore } from '../../state/roster-store';\nexport const clear = () => useRosterStore.setState({ note: null });\n";
    const [result] = await eslint.lintText(code, { filePath: 'src/renderer/src/features/roster/a.ts' });
    expect(result.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message)).toEqual([
      expect.stringContaining("Call the store's action"),
    ]);
  });
});

describe('React hooks rules apply to the renderer', () => {
  it('a hook called conditionally is an error', async () => {
    const code = "import { useState } from 'react';\nexport function A({ on }: { on: boolean }) {\n  if (on) useState(0);\n  return null;\n}\n";
    const [result] = await eslint.lintText(code, { filePath: 'src/renderer/src/features/a.tsx' });
    expect(result.messages.map((m) => m.ruleId)).toContain('react-hooks/rules-of-hooks');
  });
});
