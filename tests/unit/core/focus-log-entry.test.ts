/**
 * A clicked notification asks the window to show one call-log entry: the Electron shell calls
 * core.desktop.focusLogEntry, which becomes a `logEntryFocusRequested` event for an entry that
 * exists (and nothing for one that does not); the renderer's side is
 * tests/unit/renderer/log-focus.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../src/shared/contract';
import { createSandbox } from '../../../src/main/sandbox/sandbox';
import { openTestCore, type TestCore } from '../../support/test-core';

let dataDir: string;
let t: TestCore;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'dispatch-focus-'));
  t = openTestCore(dataDir, { sandbox: createSandbox() });
});
afterEach(async () => {
  await t.core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('notification click → log entry', () => {
  it('main: an existing entry becomes one focus event; an unknown id sends nothing', async () => {
    expect(await t.call('settingsSet', { callerNumber: '13900139000' })).toMatchObject({ ok: true });
    const placed = await t.call('startCall', { callee: '13800138000' });
    const logId = String(placed.logId);
    const events: AppEvent[] = [];
    const stop = t.core.subscribe((e) => void (e.type === 'logEntryFocusRequested' && events.push(e)));
    expect(t.core.desktop.focusLogEntry('not-an-entry')).toBe(false);
    expect(t.core.desktop.focusLogEntry(logId)).toBe(true);
    stop();
    expect(events).toEqual([{ type: 'logEntryFocusRequested', data: { entryId: logId } }]);
  });
});
