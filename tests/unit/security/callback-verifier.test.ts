/**
 * Finding 8: the callback verifier accepted any CurTime (0, 2001, 2099, seconds), had no replay
 * guard and hashed a body of any size.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  CALLBACK_MAX_BODY_BYTES,
  CALLBACK_MAX_SKEW_MS,
  checkCallback,
  createMemoryReplayStore,
  signCallback,
  verifyCallback,
  verifyCallbackOnce,
} from '../../../src/yunxin';
import * as sign from '../../../src/yunxin/sign';

// Counts hashing: the verifier must not hash an oversized body at all.
vi.mock('../../../src/yunxin/sign', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/yunxin/sign')>();
  return { ...actual, md5Hex: vi.fn(actual.md5Hex) };
});

const SECRET = 'c915496e6e5b';
const NOW = Date.UTC(2026, 10, 29, 12, 0, 0);
const body = Buffer.from('{"eventType":"10","callback":"{\\"session\\":\\"s1\\"}"}');

const signedAt = (curTimeMs: number, raw: Buffer = body) => {
  const h = signCallback(SECRET, raw, curTimeMs);
  return { curtime: h.CurTime, md5: h.MD5, checksum: h.CheckSum };
};

describe('callback verifier: time window', () => {
  it.each([
    ['0', 0],
    ['2001', Date.UTC(2001, 0, 1)],
    ['2099', Date.UTC(2099, 0, 1)],
    ['6 minutes ago', NOW - 6 * 60_000],
    ['6 minutes ahead', NOW + 6 * 60_000],
  ])('refuses a correctly signed callback with CurTime %s', (_label, curTime) => {
    expect(verifyCallback({ appSecret: SECRET, headers: signedAt(curTime), rawBody: body, now: NOW })).toBe(false);
  });

  it('refuses CurTime in seconds, even when that second is now', () => {
    const seconds = String(Math.floor(NOW / 1000));
    const md5 = sign.md5Hex(body);
    const headers = { curtime: seconds, md5, checksum: sign.checkSum(SECRET, md5, seconds) };
    expect(checkCallback({ appSecret: SECRET, headers, rawBody: body, now: NOW })).toEqual({ ok: false, reason: 'bad_headers' });
  });

  it('accepts within ±5 minutes', () => {
    for (const t of [NOW, NOW - CALLBACK_MAX_SKEW_MS, NOW + CALLBACK_MAX_SKEW_MS, NOW - 1000]) {
      expect(verifyCallback({ appSecret: SECRET, headers: signedAt(t), rawBody: body, now: NOW }), String(t - NOW)).toBe(true);
    }
  });
});

describe('callback verifier: replay', () => {
  it('accepts a (MD5, CurTime) pair once; the same callback again is refused, a new one is not', async () => {
    let clock = NOW;
    const seen = createMemoryReplayStore({ now: () => clock });
    const headers = signedAt(NOW);
    expect(await verifyCallbackOnce({ appSecret: SECRET, headers, rawBody: body, now: clock, seen })).toEqual({ ok: true });
    clock += 60_000;
    expect(await verifyCallbackOnce({ appSecret: SECRET, headers, rawBody: body, now: clock, seen })).toEqual({ ok: false, reason: 'replayed' });
    expect(await verifyCallbackOnce({ appSecret: SECRET, headers: signedAt(NOW + 1), rawBody: body, now: clock, seen })).toEqual({ ok: true });
    // Past the window the replay is refused as stale, and the store has let the key go.
    clock = NOW + CALLBACK_MAX_SKEW_MS + 1;
    expect(await verifyCallbackOnce({ appSecret: SECRET, headers, rawBody: body, now: clock, seen })).toEqual({ ok: false, reason: 'stale' });
  });

  it('a forged callback never reaches the store (it cannot be filled by forgers)', async () => {
    const keys: string[] = [];
    const seen = { remember: (k: string) => (keys.push(k), true) };
    const forged = { ...signedAt(NOW), checksum: 'f'.repeat(40) };
    expect(await verifyCallbackOnce({ appSecret: SECRET, headers: forged, rawBody: body, now: NOW, seen })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(keys).toEqual([]);
  });
});

describe('callback verifier: body cap', () => {
  it('refuses a body over the cap before hashing a byte of it', () => {
    const big = Buffer.alloc(CALLBACK_MAX_BODY_BYTES + 1, 0x20);
    const headers = signedAt(NOW, big);
    const md5 = vi.mocked(sign.md5Hex);
    md5.mockClear();
    expect(checkCallback({ appSecret: SECRET, headers, rawBody: big, now: NOW })).toEqual({ ok: false, reason: 'too_large' });
    expect(md5).not.toHaveBeenCalled();
    // The same check at the cap hashes (and passes).
    const atCap = Buffer.alloc(CALLBACK_MAX_BODY_BYTES, 0x20);
    const atCapHeaders = signedAt(NOW, atCap);
    md5.mockClear();
    expect(checkCallback({ appSecret: SECRET, headers: atCapHeaders, rawBody: atCap, now: NOW })).toEqual({ ok: true });
    expect(md5).toHaveBeenCalledTimes(1);
  });
});
