import { words } from '../../support/words';
import { afterEach, describe, expect, it } from 'vitest';
import type { Failure } from '../../../src/shared/result';
import { CALL, CONF, SECRET, SHORT_TIMEOUT_MS, client, closeAll, json, refusedBaseUrl, startLoopback } from './loopback';

afterEach(closeAll);

function asFailure(r: { ok: boolean }): Failure {
  expect(r.ok).toBe(false);
  return r as Failure;
}

async function startCallAgainst(body: unknown, status = 200) {
  const lb = await startLoopback((_q, res) => json(res, body, status));
  return asFailure(await client(lb.baseUrl).startCall(CALL));
}

describe('Yunxin error answers', () => {
  it.each([
    ['desc', { desc: 'checksum', code: 414 }],
    ['msg', { msg: 'checksum', code: 414 }],
  ])('414 checksum (%s) → the AppSecret does not belong to the AppKey', async (_field, body) => {
    const f = await startCallAgainst(body);
    expect(f.code).toBe(414);
    expect(f.httpStatus).toBe(200);
    expect(words(f, 'en')).toMatch(/AppSecret does not match the AppKey/);
    expect(words(f, 'zh-CN')).toMatch(/AppSecret 与 AppKey 不匹配/);
    expect(f.message).toContain('checksum');
  });

  it('414 bad http header → check the four headers / AppKey', async () => {
    const f = await startCallAgainst({ desc: 'bad http header', code: 414 });
    expect(words(f, 'en')).toMatch(/AppKey, Nonce, CurTime, CheckSum/);
  });

  it("414 bad param 'callerAcc' → create the accid in the console", async () => {
    const f = await startCallAgainst({ msg: "bad param 'callerAcc'", code: 414 });
    expect(words(f, 'en')).toMatch(/create the accid in the Yunxin console/);
    expect(words(f, 'zh-CN')).toMatch(/账号管理/);
  });

  it("414 bad param 'callee' on a conference → check the numbers", async () => {
    const lb = await startLoopback((_q, res) => json(res, { code: 414, msg: "bad param 'callee'" }));
    const f = asFailure(await client(lb.baseUrl).startConf(CONF));
    expect(f.code).toBe(414);
    expect(words(f, 'en')).toMatch(/callee number\(s\) were rejected/);
  });

  it('414 bad param for another field names that field', async () => {
    const f = await startCallAgainst({ code: 414, msg: "bad param 'record'" });
    expect(words(f, 'en')).toContain("'record'");
  });

  it('403 no authorization → ECP not enabled, call Yunxin sales', async () => {
    const f = await startCallAgainst({ code: 403, msg: 'no authorization' });
    expect(f.code).toBe(403);
    expect(words(f, 'en')).toContain('4009-000-123');
    expect(words(f, 'zh-CN')).toContain('4009-000-123');
  });

  it('416 → rate limited, wait', async () => {
    const f = await startCallAgainst({ code: 416, desc: 'api freq control' });
    expect(f.code).toBe(416);
    expect(words(f, 'en')).toMatch(/Too many requests/);
  });

  it('500 as JSON keeps the Yunxin code', async () => {
    const f = await startCallAgainst({ code: 500, desc: 'server error' }, 500);
    expect(f).toMatchObject({ code: 500, httpStatus: 500 });
  });

  it('a busy caller is told the number is in another call', async () => {
    const f = await startCallAgainst({ code: 414, msg: 'caller 13800138000 is in another conversation' });
    expect(words(f, 'en')).toMatch(/already in another call/);
  });

  it('an unknown code shows the code and the server text', async () => {
    const f = await startCallAgainst({ code: 9123, desc: 'something new' });
    expect(f.code).toBe(9123);
    expect(words(f, 'en')).toContain('9123');
    expect(words(f, 'en')).toContain('something new');
    expect(f.message).toContain('something new');
  });
});

describe('unusable answers → bad_response', () => {
  it('HTTP 400 page → body/URL mismatch advice', async () => {
    const lb = await startLoopback((_q, res) => {
      res.writeHead(400, { 'Content-Type': 'text/html' });
      res.end('<html><body><h1>HTTP Status 400 – Bad Request</h1></body></html>');
    });
    const f = asFailure(await client(lb.baseUrl).startCall(CALL));
    expect(f).toMatchObject({ code: 'bad_response', httpStatus: 400 });
    expect(words(f, 'en')).toMatch(/does not match the URL/);
  });

  it('HTML 502 gateway page → bad_response with the HTTP status', async () => {
    const lb = await startLoopback((_q, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html' });
      res.end('<html><body>502 Bad Gateway</body></html>');
    });
    const f = asFailure(await client(lb.baseUrl).startCall(CALL));
    expect(f).toMatchObject({ code: 'bad_response', httpStatus: 502 });
    expect(words(f, 'en')).toMatch(/HTTP 502/);
    expect(words(f, 'en')).toMatch(/may already have been placed/);
  });

  it('HTML 500 page → bad_response', async () => {
    const lb = await startLoopback((_q, res) => {
      res.writeHead(500, { 'Content-Type': 'text/html' });
      res.end('<h1>Internal Server Error</h1>');
    });
    expect(asFailure(await client(lb.baseUrl).querySession({ session: 's1', type: 'call' }))).toMatchObject({
      code: 'bad_response',
      httpStatus: 500,
    });
  });

  it('malformed JSON → bad_response', async () => {
    const lb = await startLoopback((_q, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"code":200,"obj":{"session":');
    });
    expect(asFailure(await client(lb.baseUrl).startCall(CALL))).toMatchObject({ code: 'bad_response', httpStatus: 200 });
  });

  it('JSON without a code → bad_response', async () => {
    const f = await startCallAgainst({ hello: 'world' });
    expect(f.code).toBe('bad_response');
  });

  it.each([
    ['no obj', { code: 200 }],
    ['empty obj', { code: 200, obj: {} }],
    ['empty session', { code: 200, obj: { session: '' } }],
  ])('200 without a session (%s) → bad_response warning that a phone may ring', async (_n, body) => {
    const f = await startCallAgainst(body);
    expect(f.code).toBe('bad_response');
    expect(words(f, 'en')).toMatch(/no session id/);
    const lb = await startLoopback((_q, res) => json(res, body));
    expect(asFailure(await client(lb.baseUrl).startConf(CONF)).code).toBe('bad_response');
  });

  it('a 10 MB streamed body is cut off at 64 KiB, not buffered', async () => {
    let finished = false;
    const lb = await startLoopback((_q, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.on('finish', () => (finished = true));
      res.write('{"code":200,"obj":{"session":"');
      res.end(Buffer.alloc(10 * 1024 * 1024, 0x61));
    });
    const f = asFailure(await client(lb.baseUrl).startCall(CALL));
    expect(f.code).toBe('bad_response');
    expect(words(f, 'en')).toMatch(/larger than 64 KiB/);
    expect(finished).toBe(false);
  });

  it('a declared Content-Length over 64 KiB is refused without reading', async () => {
    const lb = await startLoopback((_q, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(10 * 1024 * 1024) });
      res.write('{"code":200');
    });
    expect(asFailure(await client(lb.baseUrl).startCall(CALL)).code).toBe('bad_response');
  });
});

describe('timeouts and network failures', () => {
  it('a server that never answers → timeout', async () => {
    const lb = await startLoopback(() => undefined);
    const t0 = Date.now();
    const f = asFailure(await client(lb.baseUrl, { timeoutMs: SHORT_TIMEOUT_MS }).startCall(CALL));
    expect(f.code).toBe('timeout');
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(words(f, 'en')).toMatch(/may already have been placed/);
  });

  it('a body trickled slower than the timeout → timeout', async () => {
    const lb = await startLoopback((_q, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"code":200,');
      const timer = setInterval(() => res.write(' '), 50);
      res.on('close', () => clearInterval(timer));
    });
    const t0 = Date.now();
    const f = asFailure(await client(lb.baseUrl, { timeoutMs: SHORT_TIMEOUT_MS }).querySession({ session: 's', type: 'call' }));
    expect(f).toMatchObject({ code: 'timeout', httpStatus: 200 });
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it('connection refused → network, naming the host', async () => {
    const base = await refusedBaseUrl();
    const f = asFailure(await client(base, { timeoutMs: SHORT_TIMEOUT_MS }).startCall(CALL));
    expect(f.code).toBe('network');
    expect(f.message).toContain('127.0.0.1');
    expect(words(f, 'en')).toMatch(/connection refused\); nothing was sent/);
  });

  it('DNS failure → network, naming the host', async () => {
    const f = asFailure(await client('http://nonexistent.invalid', { timeoutMs: 5000 }).startCall(CALL));
    expect(f.code).toBe('network');
    expect(f.message).toContain('nonexistent.invalid');
    expect(words(f, 'en')).toMatch(/DNS lookup failed/);
  });
});

describe('clock skew from the Date header', () => {
  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toUTCString();

  it('puts clockSkewSeconds on a success when the clocks differ by more than 60 s', async () => {
    const lb = await startLoopback((_q, res) => json(res, { code: 200, obj: { session: 's1' } }, 200, { Date: minutesAgo(10) }));
    const r = await client(lb.baseUrl).startCall(CALL);
    expect(r.ok).toBe(true);
    expect(r.clockSkewSeconds).toBeGreaterThanOrEqual(598);
    expect(r.clockSkewSeconds).toBeLessThanOrEqual(601);
  });

  it('stays quiet within 60 s', async () => {
    const lb = await startLoopback((_q, res) => json(res, { code: 200, obj: { session: 's1' } }, 200, { Date: minutesAgo(0.5) }));
    const r = await client(lb.baseUrl).startCall(CALL);
    expect(r.ok && 'clockSkewSeconds' in r).toBe(false);
  });

  it('measures against the injected local clock', async () => {
    const lb = await startLoopback((_q, res) => json(res, { code: 200, obj: { session: 's1' } }));
    const r = await client(lb.baseUrl, { now: () => Date.now() - 3_600_000 }).startCall(CALL);
    expect(r.clockSkewSeconds).toBeLessThanOrEqual(-3599);
    expect(r.clockSkewSeconds).toBeGreaterThanOrEqual(-3601);
  });

  it('CurTime is expired → says the clock is wrong and by how much', async () => {
    const lb = await startLoopback((_q, res) => json(res, { desc: 'CurTime is expired', code: 414 }, 200, { Date: minutesAgo(7) }));
    const f = asFailure(await client(lb.baseUrl).startCall(CALL));
    expect(f.code).toBe(414);
    expect(f.clockSkewSeconds).toBeGreaterThanOrEqual(418);
    expect(words(f, 'en')).toMatch(/clock is wrong/);
    expect(words(f, 'en')).toMatch(/about 7 minutes ahead of the server \(\+4(19|20|21) s\)/);
    expect(words(f, 'zh-CN')).toMatch(/本机时钟快了约 7 分钟/);
  });

  it('CurTime is expired without a usable Date header still blames the clock', async () => {
    const f = await startCallAgainst({ desc: 'CurTime is expired', code: 414 });
    expect(f.clockSkewSeconds).toBeUndefined();
    expect(words(f, 'en')).toMatch(/more than 5 minutes/);
  });

  it('a failure with skew mentions the clock too', async () => {
    const lb = await startLoopback((_q, res) => json(res, { code: 503 }, 200, { Date: minutesAgo(-3) }));
    const f = asFailure(await client(lb.baseUrl).startCall(CALL));
    expect(f.clockSkewSeconds).toBeLessThan(-170);
    expect(words(f, 'en')).toMatch(/behind the server/);
  });
});

describe('the AppSecret never leaks', () => {
  it('is absent from every result even when the server echoes our headers', async () => {
    const seen: string[] = [];
    const lb = await startLoopback((req, res) => {
      seen.push(String(req.headers.checksum));
      json(res, { code: 414, desc: `checksum ${JSON.stringify(req.headers)} secret=${SECRET}` });
    });
    const c = client(lb.baseUrl);
    const results = [
      await c.startCall(CALL),
      await c.startConf(CONF),
      await c.querySession({ session: 's', type: 'conf' }),
      await c.checkAccount({ callerAcc: 'dispatch01' }),
      await client('http://nonexistent.invalid').startCall(CALL),
      await client(lb.baseUrl, { appKey: 'bad key' }).startCall(CALL),
    ];
    const all = JSON.stringify(results);
    expect(all).not.toContain(SECRET);
    for (const sum of seen) expect(all).not.toContain(sum);
    expect(all).toContain('[redacted]');
  });
});
