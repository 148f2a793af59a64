import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parsePhoneNumberFromString as parseMax } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { OUTPUT, generatePhoneMetadata } from '../../../scripts/phone-metadata.mjs';
import { normalizePhone } from '../../../src/shared/phone';

describe('China-only phone metadata', () => {
  it('is exactly what scripts/phone-metadata.mjs generates from the installed libphonenumber-js', async () => {
    expect(readFileSync(OUTPUT, 'utf8')).toBe(await generatePhoneMetadata());
  });

  it('types +86 numbers exactly as the full metadata does', () => {
    // Every prefix family a dispatcher meets (mobiles, area codes, hotlines, service codes) with
    // random tails of every plausible length: the cut-down metadata must never disagree.
    const heads = [
      '13',
      '14',
      '15',
      '16',
      '17',
      '18',
      '19',
      '10',
      '20',
      '21',
      '22',
      '23',
      '24',
      '25',
      '27',
      '28',
      '29',
      '311',
      '351',
      '371',
      '451',
      '571',
      '591',
      '755',
      '898',
      '400',
      '800',
      '95',
      '12',
      '1010',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...heads), fc.stringMatching(/^\d{0,10}$/), (head, tail) => {
        const nsn = head + tail;
        const ours = normalizePhone(`+86${nsn}`);
        const full = parseMax(`+86${nsn}`);
        const fullType = full && full.nationalNumber === nsn ? full.getType() : undefined;
        const expected =
          fullType === 'MOBILE'
            ? 'mobile'
            : fullType === 'FIXED_LINE'
              ? 'fixed'
              : (fullType === 'TOLL_FREE' || fullType === 'SHARED_COST') && /^[48]00\d{7}$/.test(nsn)
                ? 'tollfree'
                : null;
        expect(ours.ok ? ours.kind : null).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
