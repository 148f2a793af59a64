/**
 * The fetch transport's limits when the fetch does not cooperate, and the hand-written form body: the
 * deadline is one promise raced against the fetch and every body read (no abort listeners), the
 * connection is released only when an answer was not read whole, and the body is built without
 * URLSearchParams for plain values. Each must keep the behaviour it replaced.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { formBody } from '../../../src/yunxin/protocol';
import { exchange } from '../../../src/yunxin/fetch-transport';
import { CALL, client, closeAll, startLoopback } from './loopback';

afterEach(closeAll);

const SHORT = 200;

function exchangeWith(fetchImpl: typeof fetch) {
  return exchange({ fetch: fetchImpl, url: 'http://127.0.0.1:9/x', headers: {}, body: 'a=1', timeoutMs: SHORT, now: Date.now });
}

describe('the deadline holds when the fetch ignores the signal', () => {
  it('a fetch that never settles → timeout', async () => {
    const never = (() => new Promise<Response>(() => undefined)) as typeof fetch;
    expect(await exchangeWith(never)).toEqual({ ok: false, reason: 'timeout' });
  });

  it('a body that never ends → timeout with the status seen, and the body stream is cancelled', async () => {
    let cancelled = false;
    const stalled = (async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start: (c) => c.enqueue(new TextEncoder().encode('{"code":')),
          cancel: () => {
            cancelled = true;
          },
        }),
        { status: 200 },
      )) as typeof fetch;
    expect(await exchangeWith(stalled)).toMatchObject({ ok: false, reason: 'timeout', httpStatus: 200 });
    expect(cancelled).toBe(true);
  });

  it('a complete answer in several chunks is returned whole, and its stream is not cancelled', async () => {
    let cancelled = false;
    const chunked = (async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start: (c) => {
            for (const part of ['{"code":', '200}']) c.enqueue(new TextEncoder().encode(part));
            c.close();
          },
          cancel: () => {
            cancelled = true;
          },
        }),
        { status: 200 },
      )) as typeof fetch;
    const out = await exchangeWith(chunked);
    expect(out.ok && out.answer.bytes.toString('utf8')).toBe('{"code":200}');
    expect(cancelled).toBe(false);
  });

  it('an answer over the limit without Content-Length → too_large, the stream cancelled', async () => {
    let cancelled = false;
    const big = (async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          pull: (c) => c.enqueue(new Uint8Array(16 * 1024)),
          cancel: () => {
            cancelled = true;
          },
        }),
        { status: 200 },
      )) as typeof fetch;
    expect(await exchangeWith(big)).toMatchObject({ ok: false, reason: 'too_large', httpStatus: 200 });
    expect(cancelled).toBe(true);
  });
});

describe('the answer', () => {
  it('JSON after a byte-order mark is read', async () => {
    const lb = await startLoopback((_q, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('\uFEFF{"code":200,"obj":{"session":"bom-1"}}');
    });
    expect(await client(lb.baseUrl).startCall(CALL)).toMatchObject({ ok: true, session: 'bom-1' });
  });
});

describe('formBody', () => {
  it.each([
    [{ callerAcc: 'dispatch01', caller: '13800138000', callee: '13900139000', maxDur: '600' }],
    [{ callee: '["13900139000","13700137000"]', maxDur: '60' }],
    [{ 'a b': 'x y', 'c&d': 'e=f', star: '*-._', tilde: "~!'()", cn: '张三', empty: '' }],
  ])('writes exactly what URLSearchParams writes: %j', (params) => {
    expect(formBody(params)).toBe(new URLSearchParams(params).toString());
  });

  it('the body that reaches the server decodes to the parameters sent', async () => {
    const lb = await startLoopback((_q, res) => res.end('{"code":200,"obj":{"session":"s"}}'));
    await client(lb.baseUrl).startCall(CALL);
    expect(Object.fromEntries(lb.requests[0].form)).toEqual({ ...CALL, maxDur: String(CALL.maxDur) });
  });
});
