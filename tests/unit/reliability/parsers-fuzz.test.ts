/**
 * Fuzzing the two parsers that see outside input most: phone normalisation (every typed or
 * imported number) and the end-of-call callback verifier/parser (bytes and headers from the
 * network). Neither may ever throw; the phone parser's answer is digits only or a rejection; a
 * valid callback signature verifies and any single-byte change makes it fail.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizePhone, type PhoneFailureReason } from '../../../src/shared/phone';
import { parseCallbackBill, signCallback, verifyCallback } from '../../../src/yunxin';
import { POLLUTION_MARKER } from '../../support/contract-model';

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const REASONS: readonly PhoneFailureReason[] = ['empty', 'letters', 'foreign', 'too_short', 'too_long', 'invalid'];

function assertNotPolluted(): void {
  if (({} as Record<string, unknown>)[POLLUTION_MARKER] !== undefined) throw new Error('Object.prototype was polluted');
}

/** What people paste into a number field: digits of both widths, pluses, separators, invisibles, letters. */
const phoneAlphabet = fc.constantFrom(
  ...'0123456789',
  ...'０１２３４５６７８９',
  '+',
  '＋',
  '﹢',
  ' ',
  '\u3000',
  '\u00a0',
  '\u200b',
  '\u200e',
  '\u202e',
  '\ufeff',
  '\t',
  '\n',
  '-',
  '.',
  '(',
  ')',
  '（',
  '）',
  '－',
  '—',
  '/',
  ',',
  '#',
  '*',
  'x',
  '转',
  'a',
  'Z',
  'é',
  '\ud83d\ude00',
  '\ud800',
  '\udc00',
  '\u0000',
);
const phoneInputs = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: phoneAlphabet, maxLength: 30 }) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('', '+86', '0086', '86', '+', '+1', '0', '(0)'), fc.stringMatching(/^1[3-9]\d{9}$|^0\d{9,11}$|^[48]00\d{7}$|^\d{0,16}$/))
      .map(([p, n]) => p + n),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom(64, 65, 1_000_000).chain((n) => fc.constantFrom('1', '１', ' ').map((c) => c.repeat(n))) },
);

describe('phone normalisation fuzz', () => {
  it(`never throws; digits only or a rejection; a normalised number normalises to itself (${RUNS} inputs)`, () => {
    let accepted = 0;
    fc.assert(
      fc.property(phoneInputs, (input) => {
        const parsed = normalizePhone(input);
        if (parsed.ok) {
          accepted++;
          expect(parsed.number).toMatch(/^\d+$/);
          expect(parsed.number.length).toBeLessThanOrEqual(12);
          expect(['mobile', 'fixed', 'tollfree']).toContain(parsed.kind);
          expect(normalizePhone(parsed.number)).toEqual(parsed);
        } else {
          expect(REASONS).toContain(parsed.reason);
          expect(parsed.input).toBe(input);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // The mix reaches the accepting side too, not only rejections.
    expect(accepted).toBeGreaterThan(RUNS / 50);
  });

  it(`never throws on values that are not strings at all (${RUNS / 10} inputs)`, () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withDate: true, withMap: true, withNullPrototype: true }), (input) => {
        expect(normalizePhone(input as string)).toMatchObject({ ok: false });
      }),
      { numRuns: RUNS / 10, seed: SEED },
    );
  });
});

const HEADER_NAMES = ['CurTime', 'MD5', 'CheckSum', 'Content-Type', '__proto__', 'constructor'];
const headerValue = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.stringMatching(/^[0-9a-fA-F]{32}$|^[0-9a-fA-F]{40}$|^\d{1,17}$/),
  fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }),
  fc.constantFrom(undefined, null, 0, 1e20, true),
);
const hostileHeaders = fc.oneof(
  fc.dictionary(
    fc.oneof(fc.constantFrom(...HEADER_NAMES), fc.mixedCase(fc.constantFrom('curtime', 'md5', 'checksum')), fc.string({ maxLength: 10 })),
    headerValue,
    { maxKeys: 6 },
  ),
  fc.anything({ maxDepth: 2, withNullPrototype: true, withMap: true }),
  fc
    .constantFrom(`{"__proto__":{"${POLLUTION_MARKER}":"yes"},"curtime":"1","md5":"${'a'.repeat(32)}","checksum":"${'b'.repeat(40)}"}`)
    .map((t) => JSON.parse(t) as unknown),
);
const hostileBody = fc.oneof(
  fc.uint8Array({ maxLength: 512 }).map((b) => Buffer.from(b)),
  fc.uint8Array({ maxLength: 512 }),
  fc.string({ unit: 'binary', maxLength: 200 }).map((s) => Buffer.from(s, 'utf8')),
  fc.anything({ maxDepth: 1 }),
);

/** A random casing of each header name, as any proxy or server may send them. */
const casedNames = fc.tuple(fc.mixedCase(fc.constant('curtime')), fc.mixedCase(fc.constant('md5')), fc.mixedCase(fc.constant('checksum')));

/** A different hex digit (not merely another case of the same one). */
function otherHex(ch: string, shift: number): string {
  const digits = '0123456789abcdef';
  return digits[(digits.indexOf(ch.toLowerCase()) + 1 + (shift % 15)) % 16];
}

describe('callback verifier fuzz', () => {
  it(`never throws on arbitrary secrets, headers and bodies, and never says yes to them (${RUNS} inputs)`, () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 20 }), fc.anything({ maxDepth: 1 })), hostileHeaders, hostileBody, (appSecret, headers, rawBody) => {
        const verdict = verifyCallback({ appSecret, headers, rawBody } as Parameters<typeof verifyCallback>[0]);
        expect(verdict).toBe(false);
        assertNotPolluted();
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(verifyCallback(null as unknown as Parameters<typeof verifyCallback>[0])).toBe(false);
  });

  it(`a valid signature over a random body verifies; any single-byte change fails (${RUNS} bodies)`, () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40, unit: 'binary' }),
        fc.uint8Array({ minLength: 1, maxLength: 1024 }),
        // Milliseconds, 13 digits (the verifier refuses anything else).
        fc.integer({ min: 1e12, max: 1e13 - 1 }),
        casedNames,
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        fc.constantFrom('body', 'md5', 'checksum', 'curtime'),
        (appSecret, bytes, curTimeMs, [curName, md5Name, sumName], at, delta, where) => {
          const body = Buffer.from(bytes);
          const signed = signCallback(appSecret, body, curTimeMs);
          const headers = { [curName]: signed.CurTime, [md5Name]: signed.MD5, [sumName]: signed.CheckSum };
          const now = curTimeMs;
          expect(verifyCallback({ appSecret, headers, rawBody: body, now })).toBe(true);
          // As node:http hands them over (lower-case names), and as a Uint8Array body.
          const lower = { curtime: signed.CurTime, md5: signed.MD5, checksum: signed.CheckSum };
          expect(verifyCallback({ appSecret, headers: lower, rawBody: new Uint8Array(body), now })).toBe(true);

          // One byte changed, in the body or in one header.
          let tamperedBody = body;
          const tamperedHeaders = { ...lower };
          if (where === 'body') {
            tamperedBody = Buffer.from(body);
            tamperedBody[at % body.length] = (tamperedBody[at % body.length] + delta) & 0xff;
          } else {
            const value = tamperedHeaders[where];
            const i = at % value.length;
            const replacement = where === 'curtime' ? String((Number(value[i]) + 1 + (delta % 9)) % 10) : otherHex(value[i], delta);
            tamperedHeaders[where] = value.slice(0, i) + replacement + value.slice(i + 1);
          }
          expect(verifyCallback({ appSecret, headers: tamperedHeaders, rawBody: tamperedBody, now })).toBe(false);
          // Nor with another secret, nor with a byte more.
          expect(verifyCallback({ appSecret: `${appSecret}x`, headers: lower, rawBody: body, now })).toBe(false);
          expect(verifyCallback({ appSecret, headers: lower, rawBody: Buffer.concat([body, Buffer.of(delta)]), now })).toBe(false);
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
  });
});

/** Bills shaped like Yunxin's, with every field free to be wrong. */
const loose = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.jsonValue({ maxDepth: 2 }));
const billArb = fc.record(
  {
    session: fc.oneof(fc.uuid(), loose),
    type: fc.oneof(fc.constantFrom('ECP_CALL', 'ECP_CONF', 'MEETING', 'call', ''), loose),
    status: loose,
    durationSec: fc.oneof(fc.integer(), fc.constantFrom('12', '-1', 'NaN', ''), loose),
    caller: loose,
    callee: loose,
    // Conference members come as a JSON string inside the JSON string, or (tolerated) as an array.
    members: fc.oneof(
      fc
        .tuple(fc.array(fc.dictionary(fc.string({ maxLength: 6 }), loose, { maxKeys: 3 }), { maxLength: 3 }), fc.boolean())
        .map(([m, asText]) => (asText ? JSON.stringify(m) : m)),
      loose,
    ),
    legs: fc.oneof(
      fc.array(fc.record({ endpoint: loose, hangCause: loose, hangupCause: loose, endTime: loose }, { requiredKeys: [] }), { maxLength: 3 }),
      loose,
    ),
    createtime: loose,
    starttime: loose,
  },
  { requiredKeys: [] },
);
const callbackBodies = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.oneof(fc.constantFrom('10', 10, '11', ''), loose), billArb, fc.boolean())
      .map(([eventType, bill, asString]) => JSON.stringify({ eventType, callback: asString ? JSON.stringify(bill) : bill })),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      `{"eventType":"10","callback":"{\\"session\\":\\"s1\\",\\"__proto__\\":{\\"${POLLUTION_MARKER}\\":1},\\"members\\":\\"[{\\\\\\"__proto__\\\\\\":{\\\\\\"${POLLUTION_MARKER}\\\\\\":1}}]\\"}","__proto__":{"${POLLUTION_MARKER}":1}}`,
      '\ufeff{"eventType":"10","callback":{"session":"s2"}}',
    ),
  },
);

describe('callback bill parser fuzz', () => {
  it(`never throws; a bill that parses is a complete one (${RUNS} bodies)`, () => {
    let parsed = 0;
    fc.assert(
      fc.property(callbackBodies, (body) => {
        const result = parseCallbackBill(body);
        assertNotPolluted();
        if (result.ok) {
          parsed++;
          expect(result.bill.eventType).toBe('10');
          expect(typeof result.bill.session === 'string' && result.bill.session.trim() !== '').toBe(true);
          expect(['call', 'conf']).toContain(result.bill.type);
          expect(Array.isArray(result.bill.members) && Array.isArray(result.bill.legs)).toBe(true);
          for (const n of [result.bill.durationSec, result.bill.createtime, result.bill.starttime]) {
            if (n !== undefined) expect(Number.isFinite(n) && n >= 0).toBe(true);
          }
        } else {
          expect(result).toMatchObject({ ok: false, code: 'invalid_input', message: expect.stringMatching(/callback/) });
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // Well-formed bills are part of the mix, so the deep paths ran too.
    expect(parsed).toBeGreaterThan(RUNS / 20);
  });
});
