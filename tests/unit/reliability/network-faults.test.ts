import { words } from '../../support/words';
/**
 * Network faults, for a call AND a conference, through the real handlers: invokeOperation over a
 * core in production mode whose baseUrl points at a loopback simulator with the fault set (see
 * tests/support/production-core.ts). For each fault the operation must resolve with a clear error
 * (a code plus non-empty zh-CN and en advice), the call log must record the attempt and its error,
 * exactly one attempt must have been made (never a retry: a retried start could ring phones
 * twice), and the app must place the next call normally once the fault is gone.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Fault } from '../../../src/simulator';
import type { CallLogEntry } from '../../../src/shared/domain';
import {
  CALLEE,
  CONF_CALLEES,
  START_CALL_PATH,
  START_CONF_PATH,
  PROD_APP_KEY,
  PROD_APP_SECRET as APP_SECRET,
  closedPortUrl,
  openProductionCore,
  type ProductionCore,
} from '../../support/production-core';
import { recordRequests, type OutgoingLog } from '../../support/outgoing-http';

/** Short enough to keep the hang/trickle cases quick, long enough for a loaded CI box. */
const TIMEOUT_MS = 1000;
/** A resolver that is slow to say NXDOMAIN must still read as a DNS failure, not a timeout. */
const DNS_TIMEOUT_MS = 8000;
const MAYBE_PLACED = /may already have been placed/;

interface FaultCase {
  name: string;
  /** A simulator fault, or a base URL where no simulator answers. */
  fault?: Fault;
  baseUrl?: () => Promise<string>;
  code: string;
  /** What the English advice must say, so "clear" means the right explanation, not any text. */
  says: RegExp;
  httpStatus?: number;
  /** Whether the server saw the request (false: nothing listens / the name does not resolve). */
  reachesServer: boolean;
  timeoutMs?: number;
}

const CASES: FaultCase[] = [
  { name: 'server hangs', fault: { kind: 'hang' }, code: 'timeout', says: /timeout/, reachesServer: true },
  {
    name: 'connection reset mid-response (body)',
    fault: { kind: 'reset', at: 'body' },
    code: 'network',
    says: /broke before an answer arrived/,
    reachesServer: true,
  },
  {
    name: 'connection reset inside the headers',
    fault: { kind: 'reset', at: 'headers' },
    code: 'network',
    says: /broke before an answer arrived/,
    reachesServer: true,
  },
  // ~70 bytes at one byte per 250 ms: far slower than the 1 s timeout, which must cover the body.
  { name: 'body trickled slower than the timeout', fault: { kind: 'trickle', intervalMs: 250 }, code: 'timeout', says: /timeout/, reachesServer: true },
  { name: 'HTML 502 from a gateway', fault: { kind: 'http502' }, code: 'bad_response', says: /not a Yunxin answer/, httpStatus: 502, reachesServer: true },
  { name: 'HTML 503 from a gateway', fault: { kind: 'http503' }, code: 'bad_response', says: /not a Yunxin answer/, httpStatus: 503, reachesServer: true },
  { name: '200 with malformed JSON', fault: { kind: 'bad_json' }, code: 'bad_response', says: /not a Yunxin answer/, httpStatus: 200, reachesServer: true },
  { name: '200 without obj.session', fault: { kind: 'no_session' }, code: 'bad_response', says: /returned no session id/, reachesServer: true },
  {
    name: '10 MB body, chunked (no Content-Length)',
    fault: { kind: 'huge_body', bytes: 10 * 1024 * 1024 },
    code: 'bad_response',
    says: /larger than 64 KiB/,
    httpStatus: 200,
    reachesServer: true,
  },
  {
    name: '10 MB body with its Content-Length',
    fault: { kind: 'huge_body', bytes: 10 * 1024 * 1024, withLength: true },
    code: 'bad_response',
    says: /larger than 64 KiB/,
    httpStatus: 200,
    reachesServer: true,
  },
  { name: 'connection refused (closed loopback port)', baseUrl: closedPortUrl, code: 'network', says: /connection refused/, reachesServer: false },
  {
    name: 'DNS failure (https://nonexistent.invalid)',
    baseUrl: async () => 'https://nonexistent.invalid',
    code: 'network',
    says: /DNS lookup failed/,
    reachesServer: false,
    timeoutMs: DNS_TIMEOUT_MS,
  },
];

const KINDS = [
  { kind: 'call' as const, op: 'startCall' as const, path: START_CALL_PATH, payload: { callee: CALLEE } },
  { kind: 'conf' as const, op: 'startConf' as const, path: START_CONF_PATH, payload: { callees: CONF_CALLEES } },
];

let app: ProductionCore | null = null;
let requests: OutgoingLog | null = null;

beforeEach(() => {
  requests = recordRequests();
});
afterEach(async () => {
  requests?.restore();
  requests = null;
  await app?.close();
  app = null;
});

async function callLog(core: ProductionCore): Promise<CallLogEntry[]> {
  const listed = await core.call('callLogList', {});
  expect(listed.ok).toBe(true);
  return listed.entries as CallLogEntry[];
}

interface Measured<T> {
  result: T;
  /** Peak growth of the process's Buffer memory while `work` ran. */
  arrayBufferGrowth: number;
  /** Bytes the client sockets opened during `work` read from the kernel. */
  bytesRead: number;
}

/**
 * Watches `work` the two ways a 10 MB answer would show if the client buffered it: the bytes its
 * sockets read (node's `net.client.socket` diagnostics channel hands us every client socket), and
 * the process's Buffer memory, sampled while it runs.
 */
async function measure<T>(work: () => Promise<T>): Promise<Measured<T>> {
  const sockets: Socket[] = [];
  const onSocket = (message: unknown) => sockets.push((message as { socket: Socket }).socket);
  subscribe('net.client.socket', onSocket);
  const base = process.memoryUsage().arrayBuffers;
  let peak = base;
  const sample = () => void (peak = Math.max(peak, process.memoryUsage().arrayBuffers));
  const timer = setInterval(sample, 1);
  try {
    const result = await work();
    sample();
    return { result, arrayBufferGrowth: peak - base, bytesRead: sockets.reduce((n, s) => n + s.bytesRead, 0) };
  } finally {
    clearInterval(timer);
    unsubscribe('net.client.socket', onSocket);
  }
}

describe.each(KINDS)('network faults: $op', ({ kind, op, path, payload }) => {
  it.each(CASES)(`$name → a clear error, logged, one attempt, and the next ${op} works`, async (c) => {
    app = await openProductionCore({ timeoutMs: c.timeoutMs ?? TIMEOUT_MS });
    const core = app;
    const goodBaseUrl = core.prod.url;
    if (c.fault) core.prod.faults.set(c.fault);
    if (c.baseUrl)
      expect(await core.call('accountSave', { appKey: PROD_APP_KEY, appSecret: APP_SECRET, baseUrl: await c.baseUrl() })).toMatchObject({ ok: true });
    const attemptsBefore = requests!.urls.length;

    const { result, arrayBufferGrowth, bytesRead } = await measure(() => core.call(op, payload));

    // A clear error: the expected code and advice in both languages.
    expect(result).toMatchObject({ ok: false, code: c.code });
    if (c.httpStatus !== undefined) expect(result.httpStatus).toBe(c.httpStatus);
    const en = words(result, 'en');
    expect(words(result, 'zh-CN')?.trim()).not.toBe('');
    expect(en).toMatch(c.says);
    expect(String(result.message)).not.toBe('');
    // Where the request may have reached Yunxin, the dispatcher is warned not to redial blindly.
    if (c.code === 'timeout' || (c.code === 'network' && c.reachesServer)) expect(en).toMatch(MAYBE_PLACED);

    // Exactly one attempt: one HTTP request started, and the server saw exactly one request (or none could).
    const attempts = requests!.urls.slice(attemptsBefore);
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatch(new RegExp(`${path.replace(/\./g, '\\.')}$`));
    expect(core.prodRequests(path)).toBe(c.reachesServer ? 1 : 0);
    expect(await core.sandboxRequests()).toBe(0);

    // Bounded reading: the 10 MB answer (valid JSON with a session, so a client that read it all
    // would have called it a success) was cut off near the 64 KiB limit, and memory barely moved.
    if (c.fault?.kind === 'huge_body') {
      expect(bytesRead).toBeGreaterThan(0);
      expect(bytesRead).toBeLessThan(2 * 1024 * 1024);
      expect(arrayBufferGrowth).toBeLessThan(4 * 1024 * 1024);
    }

    // The call log records the attempt and its error.
    const entries = await callLog(core);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind, mode: 'production', state: 'failed', error: { code: c.code, message: result.message } });
    expect(entries[0].error?.detail).toEqual(result.detail);
    expect(entries[0].session).toBeUndefined();

    // The app keeps working: clear the fault, call again, and it goes through (once).
    core.prod.faults.set(null);
    if (c.baseUrl) expect(await core.call('accountSave', { appKey: PROD_APP_KEY, appSecret: APP_SECRET, baseUrl: goodBaseUrl })).toMatchObject({ ok: true });
    const again = await core.call(op, payload);
    expect(again).toMatchObject({ ok: true, session: expect.any(String) });
    expect(core.prodRequests(path)).toBe(c.reachesServer ? 2 : 1);
    expect(requests!.urls.length - attemptsBefore).toBe(2);
    const after = await callLog(core);
    expect(after.map((e) => e.state)).toEqual(['submitted', 'failed']);
  });
});
