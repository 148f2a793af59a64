/**
 * A desk's main side (the real core) in team mode against a real hub: its events recorded, its
 * hub traffic through a fetch that a test can cut (a network partition) and heal.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppEvent, OperationName } from '../../../../src/shared/contract';
import type { LogFields, Logger } from '../../../../src/main/log';
import { createDispatchCore, type DispatchCore } from '../../../../src/main/core';
import { invokeOperation } from '../../../../src/main/ipc/operations';
import { createSandbox } from '../../../../src/main/sandbox/sandbox';
import { openConfStore } from '../../../../src/main/stores/conf-store';
import { createFakeCipher, type FakeCipherOptions } from '../../../support/fake-cipher';

/** Keeps every line as written, WITHOUT redaction: a test can prove nothing secret was logged at all. */
export function rawLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const write = (level: string, event: string, fields?: LogFields) => void lines.push(JSON.stringify({ level, event, ...fields }));
  return { lines, info: (e, f) => write('info', e, f), warn: (e, f) => write('warn', e, f), error: (e, f) => write('error', e, f), redact: () => undefined };
}

export interface Partition {
  fetch: typeof fetch;
  /** Hub requests fail as refused; open streams break. */
  cut(): void;
  heal(): void;
  /** Requests that reached the network: method, path and, for the event stream, `after <Last-Event-ID>`. */
  sent: string[];
}

export function partition(): Partition {
  let down = false;
  const open = new Set<AbortController>();
  const sent: string[] = [];
  return {
    sent,
    async fetch(input, init) {
      if (down) throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
      const resume = (init?.headers as Record<string, string> | undefined)?.['last-event-id'];
      sent.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}${resume === undefined ? '' : ` after ${resume}`}`);
      const ac = new AbortController();
      init?.signal?.addEventListener('abort', () => ac.abort(init.signal?.reason));
      open.add(ac);
      return fetch(input, { ...init, signal: ac.signal });
    },
    cut() {
      down = true;
      for (const ac of open) ac.abort();
      open.clear();
    },
    heal() {
      down = false;
    },
  };
}

export interface TeamDesk {
  core: DispatchCore;
  dataDir: string;
  log: ReturnType<typeof rawLog>;
  events: AppEvent[];
  net: Partition;
  call(name: OperationName, payload: unknown): Promise<Record<string, unknown>>;
  /** Resolves with the first event (already received or coming) that matches. */
  until(predicate: (e: AppEvent) => boolean, timeoutMs?: number): Promise<AppEvent>;
  close(): Promise<void>;
}

export function openTeamDesk(options: { cipher?: FakeCipherOptions; dataDir?: string } = {}): TeamDesk {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'team-desk-'));
  const log = rawLog();
  const net = partition();
  const events: AppEvent[] = [];
  const waiters = new Set<() => void>();
  const core = createDispatchCore({
    settingsStore: openConfStore({ cwd: dataDir, name: 'settings' }).store,
    vaultStore: openConfStore({ cwd: dataDir, name: 'vault' }).store,
    cipher: createFakeCipher(options.cipher),
    log,
    dataDir,
    sandbox: createSandbox(),
    timeoutMs: 3000,
    team: { fetch: net.fetch, backoff: { firstMs: 50, maxMs: 200 } },
  });
  core.subscribe((e) => {
    events.push(e);
    for (const w of waiters) w();
  });
  return {
    core,
    dataDir,
    log,
    events,
    net,
    call: (name, payload) => invokeOperation(core.handlers, name, payload, { trusted: true }, log) as Promise<Record<string, unknown>>,
    until(predicate, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = events.find(predicate);
          if (!hit) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(hit);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching event; got ${events.map((e) => e.type).join(', ')}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async close() {
      await core.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
