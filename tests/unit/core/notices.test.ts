/** Files set aside at start-up reach the window through noticesList, from the node runtime. */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppNotice } from '../../../src/shared/domain';
import { invokeOperation } from '../../../src/main/ipc/operations';
import { openNodeRuntime, type NodeRuntime } from '../../../src/main/preview/node-runtime';
import { createSandbox } from '../../../src/main/sandbox/sandbox';

let dataDir: string;
let runtime: NodeRuntime | null = null;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'dispatch-notices-'));
});
afterEach(async () => {
  await runtime?.core.close();
  runtime = null;
  rmSync(dataDir, { recursive: true, force: true });
});

const notices = async () => {
  const r = (await invokeOperation(runtime!.core.handlers, 'noticesList', {}, { trusted: true }, runtime!.log)) as unknown as {
    notices: AppNotice[];
  };
  return r.notices;
};

describe('notices', () => {
  it('is empty for a clean start', async () => {
    runtime = openNodeRuntime({ dataDir, sandbox: createSandbox() });
    expect(await notices()).toEqual([]);
  });

  it('lists a damaged settings file and a damaged collection, each with where it was moved', async () => {
    writeFileSync(join(dataDir, 'settings.json'), '{ not json');
    writeFileSync(join(dataDir, 'contacts.snapshot.jsonl'), 'garbage without a header\n');
    const before = Date.now();
    runtime = openNodeRuntime({ dataDir, sandbox: createSandbox() });
    const list = await notices();
    expect(list.map((n) => [n.kind, n.file])).toEqual([
      ['corrupt_file_moved', join(dataDir, 'settings.json')],
      ['corrupt_file_moved', join(dataDir, 'contacts.snapshot.jsonl')],
    ]);
    const files = readdirSync(dataDir);
    for (const n of list) {
      expect(n.at).toBeGreaterThanOrEqual(before);
      expect(files).toContain(n.movedTo!.split(/[\\/]/).pop());
    }
  });
});
