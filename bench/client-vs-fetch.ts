/**
 * `client.startCall` against the same exchange done bare, two ways, in the same run:
 *
 * - startCall / bare fetch: the figure. A `fetch` POST of the same signed body to the same
 *   loopback simulator, reading the answer as text: what a call costs us over the simplest code
 *   anyone would write with Node's built-in HTTP client. The client's own transport is node:http
 *   with a keep-alive agent, which is cheaper per exchange than fetch, so this ratio credits the
 *   transport choice as well as our code.
 * - startCall / bare node:http: like for like. A node:http POST over its own keep-alive agent
 *   (the client's transport, minus our code), host and port parsed once, reading the answer into
 *   a Buffer: what our validation, envelope parsing, bounded body read and deadline cost on top of
 *   the very same HTTP exchange (signing is on both sides).
 *
 * And the whole main-process path of a call, the call service's `startCall` in production mode
 * (settings, validation, the client lookup, the log line, the call log entry), twice: with the
 * app's client factory, which builds the client once and reuses it, and with a client built per
 * call as before (credentials resolved and the AppSecret decrypted from the vault every time).
 * The call log is in memory here (the CallLogSource seam), so the figure is the CPU cost of the
 * path and not the disk's fsync; the logger writes its line to a file as the app's does.
 *
 * Every side signs fresh headers per request (nonce + sha1) and reads the whole answer; the bare
 * sides parse nothing and check nothing. Iterations interleave the sides, and the order rotates
 * every round, so drift on a noisy machine (CPU frequency, GC, a neighbour's burst) lands on all.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCallService } from '../src/main/calls/call-service';
import { createClientFactory, type ClientFor } from '../src/main/calls/client-factory';
import { createCredentialSource } from '../src/main/calls/credential-source';
import { createLogger } from '../src/main/log';
import { createSandbox } from '../src/main/sandbox/sandbox';
import { validateBaseUrl } from '../src/main/settings/base-url';
import { DEFAULT_SETTINGS } from '../src/main/settings/settings-service';
import type { CallLogSource } from '../src/main/sources/call-log-source';
import { createMemoryKeyCipher } from '../src/main/vault/memory-key-cipher';
import { createVault } from '../src/main/vault/vault';
import type { KeyValueStore } from '../src/main/stores/kv-store';
import type { CallLogEntry, Settings } from '../src/shared/domain';
import { startSimulator, SANDBOX_ACCOUNT, SANDBOX_CALLER_ACC } from '../src/simulator';
import { createYunxinClient, PATHS, signedHeaders } from '../src/yunxin';
import { figure, type Figure } from './report';
import { median, p95 } from './stats';

/** A call log that keeps the newest entries in memory, numbered like the real one. */
function memoryCallLog(cap = 1000): CallLogSource {
  const entries: CallLogEntry[] = [];
  let revision = 0;
  return {
    append(fresh) {
      const entry = { ...fresh, revision: ++revision };
      entries.push(entry);
      if (entries.length > cap) entries.shift();
      return entry;
    },
    update: () => undefined,
    get: (id) => entries.find((e) => e.id === id),
    list: () => ({ entries: [...entries].reverse(), revision }),
  };
}

function memoryStore(): KeyValueStore {
  const map = new Map<string, unknown>();
  return {
    get: <T>(key: string) => map.get(key) as T | undefined,
    set: (key, value) => void map.set(key, value),
    delete: (key) => void map.delete(key),
    path: ':memory:',
  };
}

export interface ClientVsFetchOptions {
  pairs?: number;
  warmup?: number;
}

export async function benchClientVsFetch(options: ClientVsFetchOptions = {}): Promise<Figure[]> {
  const pairs = options.pairs ?? 300;
  const warmup = options.warmup ?? 50;
  const sim = await startSimulator({ accounts: [SANDBOX_ACCOUNT] });
  const logDir = mkdtempSync(join(tmpdir(), 'dispatch-bench-client-'));
  const sandbox = createSandbox();
  // The bare node:http side's own keep-alive agent, as the client has its own.
  const agent = new Agent({ keepAlive: true });
  try {
    const { appKey, appSecret } = SANDBOX_ACCOUNT;
    const client = createYunxinClient({ appKey, appSecret, baseUrl: sim.url });

    // The call service as core.ts wires it, in production mode against the simulator.
    const log = createLogger({ file: join(logDir, 'dispatch-desk.log') });
    const vault = createVault({ cipher: createMemoryKeyCipher(), store: memoryStore() });
    const saved = await vault.save({ appKey, appSecret });
    if (!saved.ok) throw new Error(`vault.save failed: ${saved.message}`);
    // The bench's "production" server is the loopback simulator: allowed as in a development build.
    const checkBaseUrl = (baseUrl: string) => validateBaseUrl(baseUrl, { allowLoopback: true });
    const credentials = createCredentialSource({ vault, sandbox, log, checkBaseUrl });
    const settings: Settings = { ...DEFAULT_SETTINGS, mode: 'production', baseUrl: sim.url, callerAcc: SANDBOX_CALLER_ACC, callerNumber: '13800138000' };
    const serviceWith = (clientFor: ClientFor) =>
      createCallService({ settings: () => settings, clientFor, callLog: memoryCallLog(), nameFor: () => undefined, now: Date.now, log });
    const cached = serviceWith(createClientFactory({ credentials }).clientFor);
    // As before the cache: credentials resolved (secret decrypted) and a client built on every call,
    // so also a new keep-alive agent and a new TCP connection per call.
    const perCall = serviceWith(async (s) => {
      const creds = await credentials.resolve(s);
      if (!creds.ok) return creds;
      const built = createYunxinClient({
        appKey: creds.appKey,
        appSecret: creds.appSecret,
        baseUrl: creds.baseUrl,
        maxDurRange: { min: s.maxDurMin, max: s.maxDurMax },
      });
      return { ok: true, client: built };
    });
    const input = { callerAcc: SANDBOX_CALLER_ACC, caller: '13800138000', callee: '13900139000', maxDur: 600 };
    // Exactly the form body the client sends for this input (already normalised numbers).
    const body = new URLSearchParams({ ...input, maxDur: String(input.maxDur) }).toString();
    const url = sim.url + PATHS.startCall;

    const viaClient = async (): Promise<number> => {
      const t0 = performance.now();
      const r = await client.startCall(input);
      const t = performance.now() - t0;
      if (!r.ok) throw new Error(`client.startCall failed: ${r.code} ${r.message}`);
      return t;
    };
    const viaFetch = async (): Promise<number> => {
      const t0 = performance.now();
      const res = await fetch(url, { method: 'POST', headers: { ...signedHeaders(appKey, appSecret) }, body });
      const text = await res.text();
      const t = performance.now() - t0;
      if (res.status !== 200 || !text.includes('"code":200')) throw new Error(`bare fetch failed: ${res.status} ${text}`);
      return t;
    };

    // Host, port and path worked out once, as the client's transport does for its URLs, so that
    // parsing a URL string per request is counted against neither side.
    const { hostname, port, pathname } = new URL(url);
    const postBare = (): Promise<{ status: number; text: string }> =>
      new Promise((resolve, reject) => {
        const req = request(
          {
            hostname,
            port,
            path: pathname,
            method: 'POST',
            agent,
            headers: { ...signedHeaders(appKey, appSecret), 'Content-Length': String(Buffer.byteLength(body)) },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    const viaHttp = async (): Promise<number> => {
      const t0 = performance.now();
      const { status, text } = await postBare();
      const t = performance.now() - t0;
      if (status !== 200 || !text.includes('"code":200')) throw new Error(`bare node:http failed: ${status} ${text}`);
      return t;
    };

    const viaService = (service: typeof cached, name: string) => async (): Promise<number> => {
      const t0 = performance.now();
      const r = await service.startCall({ callee: '13900139000', maxDur: 600 });
      const t = performance.now() - t0;
      if (!r.ok) throw new Error(`${name} startCall failed: ${r.code} ${r.message}`);
      return t;
    };
    const sides = [viaClient, viaFetch, viaService(cached, 'service (cached client)'), viaService(perCall, 'service (client per call)'), viaHttp];
    const times: number[][] = sides.map(() => []);

    for (let i = 0; i < warmup; i++) for (const side of sides) await side();
    for (let i = 0; i < pairs; i++) {
      // Rotate which side goes first, and reverse every other round, so no side always follows another.
      const order = sides.map((_, k) => (k + i) % sides.length);
      if (i % 2 === 1) order.reverse();
      for (const k of order) times[k].push(await sides[k]());
    }
    const [a, b, c, d, e] = times;
    const [ma, mb, mc, md, me] = times.map(median);
    const signed = sim.requests.filter((r) => r.signatureValid).length;
    if (signed !== sim.requests.length) throw new Error(`simulator saw ${sim.requests.length - signed} badly signed requests`);
    const rounds = `${pairs} interleaved rounds after ${warmup} warm-up rounds`;
    const detail = `${rounds}; client p50 ${ma.toFixed(3)} ms, p95 ${p95(a).toFixed(3)} ms; bare fetch p50 ${mb.toFixed(3)} ms, p95 ${p95(b).toFixed(3)} ms; bare node:http p50 ${me.toFixed(3)} ms, p95 ${p95(e).toFixed(3)} ms; all ${sim.requests.length} requests correctly signed`;
    const serviceDetail = `${rounds}, the same bare fetch; call service in production mode (validation, client lookup, log line to a file, call log entry in memory); cached client p50 ${mc.toFixed(3)} ms, p95 ${p95(c).toFixed(3)} ms; client built per call (and so a new connection per call) p50 ${md.toFixed(3)} ms, p95 ${p95(d).toFixed(3)} ms`;
    return [
      figure('client', 'startCall median', ma, 'ms'),
      figure('client', 'bare fetch median', mb, 'ms'),
      figure('client', 'bare node:http median', me, 'ms'),
      figure('client', 'startCall / bare fetch (ratio of medians)', ma / mb, '×', 1.05, detail),
      figure('client', 'startCall / bare node:http, like for like (ratio of medians)', ma / me, '×', undefined, detail),
      figure('client', 'service startCall, cached client / bare fetch', mc / mb, '×', 1.05, serviceDetail),
      figure('client', 'service startCall, client built per call (before) / bare fetch', md / mb, '×', undefined, serviceDetail),
    ];
  } finally {
    agent.destroy();
    await sim.close();
    await sandbox.close();
    rmSync(logDir, { recursive: true, force: true });
  }
}
