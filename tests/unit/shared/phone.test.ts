import { words } from '../../support/words';
import fc from 'fast-check';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import {
  normalizePhone,
  phoneErrorText,
  quoteValue,
  PHONE_INPUT_MAX_LENGTH,
  type PhoneFailureReason,
  type PhoneKind,
  type PhoneParseFailure,
} from '../../../src/shared/phone';

/** Asserts a rejection and narrows the type for the caller. */
function rejected(input: string): PhoneParseFailure {
  const r = normalizePhone(input);
  if (r.ok) throw new Error(`expected ${JSON.stringify(input)} to be rejected, got ${r.number}`);
  return r;
}

describe('normalizePhone: accepted shapes', () => {
  const cases: [input: string, number: string, kind: PhoneKind][] = [
    // mobiles
    ['13800138000', '13800138000', 'mobile'],
    ['+86 138-0013-8000', '13800138000', 'mobile'],
    ['+86 138 0013 8000', '13800138000', 'mobile'],
    ['+8613800138000', '13800138000', 'mobile'],
    ['0086-13800138000', '13800138000', 'mobile'],
    ['0086 138 0013 8000', '13800138000', 'mobile'],
    ['86 13800138000', '13800138000', 'mobile'],
    ['8613800138000', '13800138000', 'mobile'],
    ['138-0013-8000', '13800138000', 'mobile'],
    ['138.0013.8000', '13800138000', 'mobile'],
    ['(138) 0013 8000', '13800138000', 'mobile'],
    ['(+86) 138 0013 8000', '13800138000', 'mobile'],
    ['+(86) 13800138000', '13800138000', 'mobile'],
    ['138—0013—8000', '13800138000', 'mobile'], // em dash from a Chinese IME
    ['1 3 8 0 0 1 3 8 0 0 0', '13800138000', 'mobile'],
    ['19912345678', '19912345678', 'mobile'],
    ['17012345678', '17012345678', 'mobile'],
    ['013800138000', '13800138000', 'mobile'], // old "0 before out-of-town mobile" habit
    // full-width digits, plus, parentheses, dash, ideographic space
    ['１３８００１３８０００', '13800138000', 'mobile'],
    ['＋８６ １３８ ００１３ ８０００', '13800138000', 'mobile'],
    ['１３８－００１３－８０００', '13800138000', 'mobile'],
    ['（０１０）６５５２ ９９８８', '01065529988', 'fixed'],
    ['\u3000 13800138000 \u3000', '13800138000', 'mobile'],
    ['\t13800138000\n', '13800138000', 'mobile'],
    // invisible characters a phone or Excel adds when copying
    ['\u202d+86 138 0013 8000\u202c', '13800138000', 'mobile'],
    ['\ufeff13800138000\u200b', '13800138000', 'mobile'],
    // fixed lines keep their trunk 0
    ['(010) 6552 9988', '01065529988', 'fixed'],
    ['010-65529988', '01065529988', 'fixed'],
    ['01065529988', '01065529988', 'fixed'],
    ['0571-8888 6666', '057188886666', 'fixed'],
    ['0755 1234 5678', '075512345678', 'fixed'],
    ['020-1234-5678', '02012345678', 'fixed'],
    ['0902 123 4567', '09021234567', 'fixed'], // 3-digit area code + 7-digit local number
    ['+86 10 6552 9988', '01065529988', 'fixed'],
    ['+86 571 8888 6666', '057188886666', 'fixed'],
    ['+86 (0)10 6552 9988', '01065529988', 'fixed'],
    ['+86 010 6552 9988', '01065529988', 'fixed'],
    ['0086 10 6552 9988', '01065529988', 'fixed'],
    // 400 / 800 hotlines
    ['400-810-0000', '4008100000', 'tollfree'],
    ['400 810 0000', '4008100000', 'tollfree'],
    ['4008100000', '4008100000', 'tollfree'],
    ['800 810 0000', '8008100000', 'tollfree'],
    ['800-810-0000', '8008100000', 'tollfree'],
    ['+86 400 810 0000', '4008100000', 'tollfree'],
    ['４００－８１０－００００', '4008100000', 'tollfree'],
  ];

  it.each(cases)('%j → %s (%s)', (input, number, kind) => {
    expect(normalizePhone(input)).toEqual({ ok: true, number, kind });
  });

  it.each(cases)("%j: output is the digits of libphonenumber's national format", (input, number) => {
    const r = normalizePhone(input);
    expect(r.ok).toBe(true);
    const parsed = parsePhoneNumberFromString(number, 'CN');
    expect(parsed?.isValid()).toBe(true);
    expect(parsed?.formatNational().replace(/\D/g, '')).toBe(number);
  });

  it('is idempotent: a normalised number normalises to itself', () => {
    for (const [input] of cases) {
      const first = normalizePhone(input);
      if (!first.ok) throw new Error(input);
      expect(normalizePhone(first.number)).toEqual(first);
    }
  });
});

describe('normalizePhone: rejections', () => {
  const cases: [input: string, reason: PhoneFailureReason][] = [
    ['', 'empty'],
    ['   ', 'empty'],
    ['\u3000\t', 'empty'],
    ['138abc00138', 'letters'],
    ['138 0013 8000 ext 12', 'letters'],
    ['tel:13800138000', 'letters'],
    ['１３８ａｂｃ', 'letters'], // full-width letters are still letters
    ['转8001', 'letters'],
    ['+1 415 555 0100', 'foreign'],
    ['+14155550100', 'foreign'],
    ['+44 20 7946 0958', 'foreign'],
    ['001 415 555 0100', 'foreign'],
    ['0044 20 7946 0958', 'foreign'],
    ['+852 9123 4567', 'foreign'], // Hong Kong is not mainland China
    ['+886 912 345 678', 'foreign'],
    ['＋１ ４１５ ５５５ ０１００', 'foreign'],
    ['1380013800', 'too_short'],
    ['138 0013 800', 'too_short'],
    ['0106552998', 'too_short'], // Beijing local numbers have 8 digits
    ['6552 9988', 'too_short'], // no area code
    ['95555', 'too_short'],
    ['10086', 'too_short'],
    ['+86', 'too_short'],
    ['0', 'too_short'],
    ['138001380001', 'too_long'],
    ['010655299881', 'too_long'],
    ['+86 138 0013 80001', 'too_long'],
    ['13800138000 13900139000', 'too_long'], // two numbers in one cell
    ['1795113800138000', 'too_long'], // carrier-selection prefix: libphonenumber would silently drop it
    ['+86 0010 6552 9988', 'invalid'], // libphonenumber drops the second 0 too; we must not output 001065529988
    ['1'.repeat(PHONE_INPUT_MAX_LENGTH + 1), 'too_long'],
    ['12345678901', 'invalid'], // 11 digits but no such mobile range
    ['14812345678', 'invalid'],
    ['57188886666', 'invalid'], // a fixed line without its trunk 0
    ['04008100000', 'invalid'], // hotlines have no trunk 0
    ['95013912345', 'invalid'], // libphonenumber: SHARED_COST, but not a 400 hotline
    ['13800138000/13900139000', 'invalid'],
    ['13800138000+', 'invalid'],
    ['++8613800138000', 'invalid'],
    ['138#0013*8000', 'invalid'],
    ['+', 'invalid'],
    ['--', 'invalid'],
    ['😀', 'invalid'],
    ['13800138000😀', 'invalid'],
    ['\ud800', 'invalid'],
    ['١٣٨٠٠١٣٨٠٠٠', 'invalid'], // Arabic-Indic digits are not what the API takes
  ];

  it.each(cases)('%j → %s', (input, reason) => {
    expect(normalizePhone(input)).toEqual({ ok: false, reason, input });
  });

  it('keeps the original input in the failure', () => {
    const input = '  +1 (415) 555-0100 ';
    expect(rejected(input).input).toBe(input);
  });
});

describe('libphonenumber assumptions (fail here first after a metadata upgrade)', () => {
  it.each([
    ['4008100000', 'SHARED_COST'],
    ['8008100000', 'TOLL_FREE'],
    ['13800138000', 'MOBILE'],
    ['01065529988', 'FIXED_LINE'],
  ])('%s is %s', (number, type) => {
    expect(parsePhoneNumberFromString(number, 'CN')?.getType()).toBe(type);
  });

  it('strips carrier-selection codes silently, which we must refuse', () => {
    expect(parsePhoneNumberFromString('1795113800138000', 'CN')?.nationalNumber).toBe('13800138000');
    expect(normalizePhone('1795113800138000').ok).toBe(false);
  });
});

describe('phoneErrorText', () => {
  it('names a foreign number in both languages', () => {
    const text = phoneErrorText(rejected('+1 415 555 0100'));
    expect(words(text, 'zh-CN')).toContain('号码 "+1 415 555 0100" 不是中国大陆号码');
    expect(words(text, 'en')).toContain('"+1 415 555 0100" is not a mainland China number');
  });

  it.each([
    ['138abc', /letters/, /字母/],
    ['1380013800', /too short/, /位数不足/],
    ['138001380001', /too long/, /位数过多/],
    ['12345678901', /not a valid mainland China/, /不是有效的/],
  ])('%j: quoted and explained', (input, en, zh) => {
    const text = phoneErrorText(rejected(input));
    expect(words(text, 'en')).toMatch(en);
    expect(words(text, 'zh-CN')).toMatch(zh);
    expect(words(text, 'en')).toContain(`"${input}"`);
    expect(words(text, 'zh-CN')).toContain(`"${input}"`);
  });

  it('asks for a number when empty', () => {
    const text = phoneErrorText(rejected('  '));
    expect(words(text, 'en')).toMatch(/empty/);
    expect(words(text, 'zh-CN')).toMatch(/为空/);
  });

  it('quotes a huge input truncated, and strips control and bidi characters', () => {
    const huge = phoneErrorText(rejected('9'.repeat(1_000_000)));
    expect(words(huge, 'en')?.length).toBeLessThan(200);
    expect(words(huge, 'en')).toContain(`"${'9'.repeat(40)}…"`);
    const sneaky = phoneErrorText(rejected('+1\u202e 415\u0000'));
    expect(words(sneaky, 'en')).toContain('"+1 415"');
  });

  it('quoteValue drops lone surrogates', () => {
    expect(quoteValue('a\ud800b')).toBe('ab');
    expect(quoteValue('😀')).toBe('😀');
  });
});

describe('normalizePhone: robustness', () => {
  const reasons = ['empty', 'letters', 'foreign', 'too_short', 'too_long', 'invalid'];

  it('never throws on arbitrary unicode and always returns a well-formed answer', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string()), (s) => {
        const r = normalizePhone(s);
        if (r.ok) {
          expect(r.number).toMatch(/^\d{10,12}$/);
          expect(['mobile', 'fixed', 'tollfree']).toContain(r.kind);
        } else {
          expect(reasons).toContain(r.reason);
          expect(r.input).toBe(s);
          const text = phoneErrorText(r);
          expect(words(text, 'en')?.length).toBeGreaterThan(0);
          expect(words(text, 'zh-CN')?.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws on digit-heavy strings (the interesting part of the input space)', () => {
    const alphabet = fc.constantFrom(...'0123456789+-() .０８６＋\u3000'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 24 }), (s) => {
        const r = normalizePhone(s);
        if (r.ok) expect(normalizePhone(r.number)).toEqual(r);
        else expect(reasons).toContain(r.reason);
      }),
      { numRuns: 5000 },
    );
  });

  it('accepts any separators sprinkled into a valid number', () => {
    const sep = fc.constantFrom('', ' ', '-', '.', '\u3000', '－', '—');
    fc.assert(
      fc.property(
        fc.constantFrom('13800138000', '01065529988', '057188886666', '4008100000', '8008100000'),
        fc.array(sep, { minLength: 12, maxLength: 12 }),
        (number, seps) => {
          const typed = number
            .split('')
            .map((d, i) => d + seps[i])
            .join('');
          const r = normalizePhone(typed);
          expect(r.ok && r.number).toBe(number);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('bails out on huge strings quickly', () => {
    const huge = '1'.repeat(5_000_000);
    const start = performance.now();
    expect(normalizePhone(huge)).toMatchObject({ ok: false, reason: 'too_long' });
    expect(performance.now() - start).toBeLessThan(50);
  });

  it('handles a 50 000-row import in reasonable time', () => {
    const rows: string[] = [];
    for (let i = 0; i < 50_000; i++) {
      const n = String(138_0000_0000 + i * 7);
      rows.push(i % 3 === 0 ? `+86 ${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}` : n);
    }
    const start = performance.now();
    let ok = 0;
    for (const row of rows) if (normalizePhone(row).ok) ok++;
    const ms = performance.now() - start;
    expect(ok).toBe(rows.length);
    // Measured ≈ 0.6 s on a dev machine; generous so a loaded CI box does not flake.
    expect(ms).toBeLessThan(10_000);
  });
});
