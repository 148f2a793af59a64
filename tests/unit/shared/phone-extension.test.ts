import { describe, expect, it } from 'vitest';
import { parseDialable } from '../../../src/shared/phone-extension';

describe('parseDialable: extensions as people write them', () => {
  it.each([
    ['010-62234302-396', '01062234302', '396'],
    ['0571-88886666 转 123', '057188886666', '123'],
    ['0571-88886666转123', '057188886666', '123'],
    ['010 6552 9988 ext. 12', '01065529988', '12'],
    ['010 6552 9988 ext 12', '01065529988', '12'],
    ['01065529988x12', '01065529988', '12'],
    ['010-65529988 分机 12', '01065529988', '12'],
    ['010-65529988（分机８０１）', '01065529988', '801'],
    ['400-810-0000 转 2', '4008100000', '2'],
  ])('%s → dial %s, extension %s', (typed, number, extension) => {
    expect(parseDialable(typed)).toMatchObject({ ok: true, number, extension });
  });

  it('leaves a number that is valid as a whole alone', () => {
    expect(parseDialable('0571-8888-6666')).toEqual({ ok: true, number: '057188886666', kind: 'fixed' });
    expect(parseDialable('138-0013-8000')).toEqual({ ok: true, number: '13800138000', kind: 'mobile' });
  });

  it('never reads an extension after a mobile, and reports the whole input when nothing fits', () => {
    expect(parseDialable('13800138000-12')).toMatchObject({ ok: false, input: '13800138000-12' });
    expect(parseDialable('12345 转 12')).toMatchObject({ ok: false, input: '12345 转 12' });
    expect(parseDialable('010-65529988 转 123456789')).toMatchObject({ ok: false });
  });
});
