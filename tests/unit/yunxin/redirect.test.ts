/**
 * A signed request answered with a redirect is not followed: following it would replay the
 * AppKey, the CheckSum and the call itself to whatever host the Location names (and a 307 would
 * re-POST the body, ringing phones from there). Two real loopback servers: the first answers with
 * the redirect, the second is where it points and must receive nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CALL, CONF, client, closeAll, startLoopback } from './loopback';

afterEach(closeAll);

describe('redirects', () => {
  it.each([301, 302, 303, 307, 308])('a %i to another server is not followed, by any request', async (status) => {
    const elsewhere = await startLoopback((_q, res) => res.end('{"code":200,"obj":{"session":"stolen"}}'));
    const first = await startLoopback((_q, res) => {
      res.writeHead(status, { Location: `${elsewhere.baseUrl}/call/ecp/startcall.action` });
      res.end();
    });
    const c = client(first.baseUrl);

    const results = [
      await c.startCall(CALL),
      await c.startConf(CONF),
      await c.querySession({ session: 's1', type: 'call' }),
      await c.checkAccount({ callerAcc: CALL.callerAcc }),
    ];

    for (const r of results) expect(r).toMatchObject({ ok: false, httpStatus: status });
    // Each asked the first server (querySession and checkAccount may retry once on a network
    // error; a redirect is an answer, not a network error, so no retry either).
    expect(first.requests).toHaveLength(4);
    expect(first.requests.every((r) => r.headers.checksum !== undefined)).toBe(true);
    expect(elsewhere.requests).toHaveLength(0);
  });
});
