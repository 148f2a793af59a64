/**
 * `client.startCall` against a bare `fetch` POST of the same signed body to the same loopback
 * simulator: what our validation, envelope parsing, bounded body read and timeout machinery cost
 * on top of the HTTP exchange itself.
 *
 * Both sides sign fresh headers per request (nonce + sha1) and read the whole answer; the bare
 * side parses nothing and checks nothing. Iterations alternate, and which side goes first flips
 * every pair, so drift on a noisy machine (CPU frequency, GC, a neighbour's burst) lands on both.
 */
import { performance } from 'node:perf_hooks';
import { startSimulator, SANDBOX_ACCOUNT, SANDBOX_CALLER_ACC } from '../src/simulator';
import { createYunxinClient, PATHS, signedHeaders } from '../src/yunxin';
import { figure, type Figure } from './report';
import { median, p95 } from './stats';

export interface ClientVsFetchOptions {
  pairs?: number;
  warmup?: number;
}

export async function benchClientVsFetch(options: ClientVsFetchOptions = {}): Promise<Figure[]> {
  const pairs = options.pairs ?? 300;
  const warmup = options.warmup ?? 50;
  const sim = await startSimulator({ accounts: [SANDBOX_ACCOUNT] });
  try {
    const { appKey, appSecret } = SANDBOX_ACCOUNT;
    const client = createYunxinClient({ appKey, appSecret, baseUrl: sim.url });
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

    for (let i = 0; i < warmup; i++) {
      await viaClient();
      await viaFetch();
    }
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < pairs; i++) {
      if (i % 2 === 0) {
        a.push(await viaClient());
        b.push(await viaFetch());
      } else {
        b.push(await viaFetch());
        a.push(await viaClient());
      }
    }
    const ma = median(a);
    const mb = median(b);
    const signed = sim.requests.filter((r) => r.signatureValid).length;
    if (signed !== sim.requests.length) throw new Error(`simulator saw ${sim.requests.length - signed} badly signed requests`);
    const detail = `${pairs} interleaved pairs after ${warmup} warm-up pairs; client p50 ${ma.toFixed(3)} ms, p95 ${p95(a).toFixed(3)} ms; bare fetch p50 ${mb.toFixed(3)} ms, p95 ${p95(b).toFixed(3)} ms; all ${sim.requests.length} requests correctly signed`;
    return [
      figure('client', 'startCall median', ma, 'ms'),
      figure('client', 'bare fetch median', mb, 'ms'),
      figure('client', 'startCall / bare fetch (ratio of medians)', ma / mb, '×', 1.3, detail),
    ];
  } finally {
    await sim.close();
  }
}
