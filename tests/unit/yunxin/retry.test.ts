import { words } from '../../support/words';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpTransport } from '../../../src/yunxin/http-transport';
import type { ExchangeRequest, Transport } from '../../../src/yunxin/transport';
import { CALL, CONF, SHORT_TIMEOUT_MS, client, closeAll, json, refusedBaseUrl, startLoopback } from './loopback';

afterEach(closeAll);

/** The client's own transport, counting its exchanges (a refused port has no server to count them). */
function countingTransport(): Transport & { calls: number } {
  const real = createHttpTransport();
  const counting = {
    calls: 0,
    exchange: (request: ExchangeRequest) => {
      counting.calls++;
      return real.exchange(request);
    },
  };
  return counting;
}

/** Accepts the request, then kills the socket: the client sees a network error after sending. */
function dropConnection(req: import('node:http').IncomingMessage): void {
  req.socket.destroy();
}

describe('start* is never retried (it would ring phones twice)', () => {
  it.each(['startCall', 'startConf'] as const)('%s: exactly one request after a dropped connection', async (method) => {
    const lb = await startLoopback((req) => dropConnection(req));
    const c = client(lb.baseUrl);
    const r = method === 'startCall' ? await c.startCall(CALL) : await c.startConf(CONF);
    expect(r).toMatchObject({ ok: false, code: 'network' });
    expect(lb.requests).toHaveLength(1);
    expect(r.ok ? '' : words(r, 'en')).toMatch(/may already have been placed/);
  });

  it.each(['startCall', 'startConf'] as const)('%s: exactly one request after a timeout', async (method) => {
    const lb = await startLoopback(() => undefined);
    const c = client(lb.baseUrl, { timeoutMs: SHORT_TIMEOUT_MS });
    const r = method === 'startCall' ? await c.startCall(CALL) : await c.startConf(CONF);
    expect(r).toMatchObject({ ok: false, code: 'timeout' });
    expect(lb.requests).toHaveLength(1);
  });

  it('one connection attempt when refused', async () => {
    const counting = countingTransport();
    const r = await client(await refusedBaseUrl(), { transport: counting }).startCall(CALL);
    expect(r).toMatchObject({ ok: false, code: 'network' });
    expect(counting.calls).toBe(1);
  });
});

describe('read-only requests retry once on a network error', () => {
  it('querySession succeeds on the second attempt, freshly signed', async () => {
    const lb = await startLoopback((req, res, _r, i) => (i === 0 ? dropConnection(req) : json(res, { code: 200, obj: { status: 'ANSWERED' } })));
    const r = await client(lb.baseUrl).querySession({ session: 's1', type: 'call' });
    expect(r).toMatchObject({ ok: true, status: { state: 'answered' } });
    expect(lb.requests).toHaveLength(2);
    expect(lb.requests[0].headers.nonce).not.toBe(lb.requests[1].headers.nonce);
  });

  it('checkAccount succeeds on the second attempt', async () => {
    const lb = await startLoopback((req, res, _r, i) => (i === 0 ? dropConnection(req) : json(res, { code: 200, uinfos: [{ accid: 'dispatch01' }] })));
    const r = await client(lb.baseUrl).checkAccount({ callerAcc: 'dispatch01' });
    expect(r).toMatchObject({ ok: true, verdict: 'ok' });
    expect(lb.requests).toHaveLength(2);
  });

  it('gives up after the second network error', async () => {
    const lb = await startLoopback((req) => dropConnection(req));
    const r = await client(lb.baseUrl).querySession({ session: 's1', type: 'call' });
    expect(r).toMatchObject({ ok: false, code: 'network' });
    expect(lb.requests).toHaveLength(2);
  });

  it('retries a refused connection once', async () => {
    const counting = countingTransport();
    const r = await client(await refusedBaseUrl(), { transport: counting }).checkAccount({ callerAcc: 'dispatch01' });
    expect(r).toMatchObject({ ok: false, code: 'network', verdict: 'unreachable' });
    expect(counting.calls).toBe(2);
  });

  it('does not retry after a timeout', async () => {
    const lb = await startLoopback(() => undefined);
    const r = await client(lb.baseUrl, { timeoutMs: SHORT_TIMEOUT_MS }).querySession({ session: 's1', type: 'call' });
    expect(r).toMatchObject({ ok: false, code: 'timeout' });
    expect(lb.requests).toHaveLength(1);
  });

  it('does not retry after an HTTP answer', async () => {
    const lb = await startLoopback((_q, res) => json(res, { code: 500 }, 500));
    const r = await client(lb.baseUrl).querySession({ session: 's1', type: 'call' });
    expect(r).toMatchObject({ ok: false, code: 500 });
    expect(lb.requests).toHaveLength(1);
  });
});
