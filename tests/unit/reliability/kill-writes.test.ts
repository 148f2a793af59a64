/**
 * Writes are atomic and durable when they return, checked for real: a child Node process adds
 * contacts through the contacts service and prints each id once saveContact has returned
 * (tests/support/kill-writer.ts); it is SIGKILLed at a random moment after at least N ids, or as
 * a compaction starts after at least N ids. On
 * reopening through openNodeRuntime every printed id is there (under its own name), the files
 * parse, and there is nothing to report: a kill is not damage. Repeated at different moments,
 * with compactions frequent enough that kills also land inside them.
 *
 * Also: 1 000 contacts saved back to back through the contactSave handler are all on disk when
 * the folder is opened again (without closing the first instance), and the files parse.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContactRecord } from '../../../src/shared/domain';
import { openNodeRuntime, type NodeRuntime } from '../../../src/main/preview/node-runtime';
import { createSandbox } from '../../../src/main/sandbox/sandbox';
import { invoke, notices, unparseableStoreFiles } from '../../support/app-data';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const WRITER = join(REPO, 'tests/support/kill-writer.ts');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Journal entries between compactions in the child: small, so compactions happen all the time. */
const COMPACT_AFTER = 4;
/** Upper bound on what the child writes, should the kill never come. */
const CHILD_MAX = 20_000;
/** A guard, not a timing device: a child that neither prints nor exits within this fails the test. */
const CHILD_GUARD_MS = 60_000;

const dirs: string[] = [];
const runtimes: NodeRuntime[] = [];
afterEach(async () => {
  for (const r of runtimes.splice(0)) await r.core.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'dispatch-kill-'));
  dirs.push(d);
  return d;
}
function openRuntime(dataDir: string): NodeRuntime {
  const r = openNodeRuntime({ dataDir, sandbox: createSandbox() });
  runtimes.push(r);
  return r;
}

type Aim = 'any moment' | 'a compaction';

/**
 * Runs the writer until it has printed `killAfter` ids (and, aiming at a compaction, until the next
 * compaction starts), SIGKILLs it, and returns the ids it printed.
 */
function runAndKill(dataDir: string, killAfter: number, aim: Aim): Promise<{ ids: string[]; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir, String(COMPACT_AFTER), String(CHILD_MAX)], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let ids = 0;
    const guard = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`writer neither reached ${killAfter} ids nor exited; stderr: ${err}`));
    }, CHILD_GUARD_MS);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      if (child.killed) return;
      for (const line of chunk.split('\n')) {
        if (UUID.test(line)) ids++;
        if (ids >= killAfter && (aim === 'any moment' || line === 'compacting')) {
          child.kill('SIGKILL');
          return;
        }
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(guard);
      // Only whole lines: the id is printed after the save returned, so a cut line proves nothing.
      const lines = out.split('\n').slice(0, -1);
      resolve({ ids: lines.filter((l) => UUID.test(l)), signal, stderr: err });
    });
  });
}

describe('data safety: SIGKILL while adding contacts', () => {
  // Kill moments: early and later, each shifted by a random amount; at any moment, or as a
  // compaction (snapshot rewrite, journal truncation) gets under way.
  const moments = [1, 40, 150, 300, 20, 120, 250].map((n, i) => ({
    killAfter: n + Math.floor(Math.random() * 40),
    aim: (i < 4 ? 'any moment' : 'a compaction') as Aim,
  }));

  it.each(moments)('killed at $aim after ≥ $killAfter acknowledged saves: every acknowledged contact survives', async ({ killAfter, aim }) => {
    const dataDir = tempDir();
    const { ids, signal, stderr } = await runAndKill(dataDir, killAfter, aim);
    expect(stderr).toBe('');
    expect(signal).toBe('SIGKILL');
    expect(ids.length).toBeGreaterThanOrEqual(killAfter);

    // As the kill left them: everything parses, but for possibly one torn journal line.
    expect(unparseableStoreFiles(dataDir, { tornTailAllowed: true })).toEqual([]);

    const runtime = openRuntime(dataDir);
    expect(await notices(runtime)).toEqual([]);
    const listed = (await invoke(runtime, 'contactsList', {})).contacts as ContactRecord[];
    const byId = new Map(listed.map((c) => [c.id, c.name]));
    ids.forEach((id, i) => expect(byId.get(id), `printed id #${i}`).toBe(`Kill ${i}`));
    // At most the one save that had returned but not yet been printed when the kill came.
    expect(listed.length - ids.length).toBeGreaterThanOrEqual(0);
    expect(listed.length - ids.length).toBeLessThanOrEqual(1);

    // The app goes on writing, and afterwards every file parses fully.
    expect(await invoke(runtime, 'contactSave', { contact: { name: 'After the kill', numbers: [{ label: '', number: '13800138000' }] } })).toMatchObject({
      ok: true,
    });
    await runtime.core.close();
    runtimes.splice(runtimes.indexOf(runtime), 1);
    expect(unparseableStoreFiles(dataDir)).toEqual([]);
  });

  it('1 000 contacts saved back to back through contactSave are all on disk when reopened', async () => {
    const dataDir = tempDir();
    const first = openRuntime(dataDir);
    const saved: { id: string; name: string }[] = [];
    for (let i = 0; i < 1000; i++) {
      const r = await invoke(first, 'contactSave', {
        contact: { name: `联系人 ${i}`, numbers: [{ label: '手机', number: `137${String(i).padStart(8, '0')}` }], notes: 'n'.repeat(i % 50) },
      });
      expect(r.ok).toBe(true);
      const contact = r.contact as ContactRecord;
      saved.push({ id: contact.id, name: contact.name });
    }
    // Read again while the first instance is still open: nothing may depend on a clean close.
    // A second writer on the folder is refused (the data-folder lock), so the files are read from
    // a copy taken now, exactly as they are on disk.
    expect(unparseableStoreFiles(dataDir)).toEqual([]);
    expect(() => openNodeRuntime({ dataDir, sandbox: createSandbox() })).toThrow(/in use by another Dispatch Desk/);
    const copy = tempDir();
    cpSync(dataDir, copy, { recursive: true });
    const second = openRuntime(copy);
    expect(await notices(second)).toEqual([]);
    const listed = (await invoke(second, 'contactsList', {})).contacts as ContactRecord[];
    expect(listed.map((c) => ({ id: c.id, name: c.name })).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [...saved].sort((a, b) => a.id.localeCompare(b.id)),
    );
  });
});
