import { words } from '../../support/words';
import { describe, expect, it } from 'vitest';
import { explainFailure, toFailure, type FailureFacts } from '../../../src/yunxin/errors';

const DOCUMENTED = [301, 302, 315, 403, 404, 405, 406, 408, 413, 414, 415, 416, 417, 418, 419, 422, 431, 500, 503, 514];

describe('explainFailure', () => {
  it.each(DOCUMENTED)('code %i has its own advice in both languages', (code) => {
    const e = explainFailure({ code });
    expect(words(e, 'zh-CN')).toMatch(/[\u4e00-\u9fff]/);
    expect(words(e, 'en')).toContain(String(code));
    expect(words(e, 'en')).not.toMatch(/unknown code/);
    expect(e.message).toContain(String(code));
  });

  it.each([
    [{ code: 414, serverText: 'checksum' }, /AppSecret belongs to this AppKey/],
    [{ code: 414, serverText: 'bad http header' }, /bad http header/],
    [{ code: 414, serverText: "bad param 'callerAcc'" }, /create the accid/],
    [{ code: 414, serverText: "bad param 'callee'" }, /callee number/],
    [{ code: 414, serverText: "bad param 'caller'" }, /dispatcher's own phone/],
    [{ code: 414, serverText: "bad param 'maxDur'" }, /maximum call duration/],
    [{ code: 414, serverText: 'something else' }, /Parameter error \(414\): something else/],
    [{ code: 403, serverText: 'no authorization' }, /4009-000-123/],
    [{ code: 403, serverText: 'appkey not exist' }, /does not recognise this AppKey/],
    [{ code: 400 }, /does not match the URL/],
    [{ code: 503, serverText: 'caller 138 in another conversation' }, /already in another call/],
    [{ code: 777, serverText: 'brand new' }, /unknown code 777: brand new/],
    [{ code: 414, serverText: 'CurTime is expired', clockSkewSeconds: -900 }, /15 minutes behind the server \(-900 s\)/],
  ] as Array<[FailureFacts, RegExp]>)('%j', (facts, re) => {
    expect(words(explainFailure(facts), 'en')).toMatch(re);
  });

  it.each([
    [{ code: 'timeout', timeoutMs: 10_000, host: 'api.netease.im', ringsPhones: true }, /within 10 s.*may already have been placed/],
    [{ code: 'timeout', timeoutMs: 300, host: 'api.netease.im' }, /within 0.3 s.*try again/],
    [{ code: 'network', reason: 'refused', host: 'api.netease.im' }, /api.netease.im \(connection refused\); nothing was sent/],
    [{ code: 'network', reason: 'dns', host: 'api.netease.im' }, /Could not find api.netease.im \(DNS lookup failed\)/],
    [{ code: 'network', reason: 'tls', host: 'api.netease.im' }, /certificate or TLS/],
    [{ code: 'network', reason: 'connection_lost', host: 'h', ringsPhones: true }, /broke before an answer.*may already have been placed/],
    [{ code: 'bad_response', reason: 'non_json', httpStatus: 502, host: 'h' }, /HTTP 502 with something that is not a Yunxin answer/],
    [{ code: 'bad_response', reason: 'non_json', httpStatus: 400, host: 'h' }, /does not match the URL/],
    [{ code: 'bad_response', reason: 'too_large', host: 'h' }, /larger than 64 KiB/],
    [{ code: 'bad_response', reason: 'missing_code', host: 'h' }, /without a Yunxin code/],
    [{ code: 'bad_response', reason: 'missing_session' }, /no session id/],
    [{ code: 'invalid_input', detail: 'bad number' }, /nothing was sent: bad number/],
    [{ code: 'not_configured', detail: 'AppKey' }, /not set up/],
  ] as Array<[FailureFacts, RegExp]>)('local %j', (facts, re) => {
    const e = explainFailure(facts);
    expect(words(e, 'en')).toMatch(re);
    expect(words(e, 'zh-CN')).toMatch(/[\u4e00-\u9fff]/);
  });

  it('toFailure builds the envelope with status and skew', () => {
    expect(toFailure({ code: 416, httpStatus: 200, clockSkewSeconds: 75 })).toMatchObject({
      ok: false,
      code: 416,
      httpStatus: 200,
      clockSkewSeconds: 75,
      detail: { key: 'yunxin.withClockNote' },
    });
    expect(words(toFailure({ code: 416, clockSkewSeconds: 75 }), 'en')).toMatch(/Also: This computer's clock is about 75 seconds ahead/);
    expect(words(toFailure({ code: 416, clockSkewSeconds: 75 }), 'zh-CN')).toMatch(/另外:本机时钟快了约 75 秒/);
  });
});
