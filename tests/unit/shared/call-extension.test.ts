import { describe, expect, it } from 'vitest';
import { splitCallee } from '../../../src/shared/call-extension';

describe('splitCallee: what main dials and what it records', () => {
  it.each([
    [{ callee: '010-62234302-396' }, { callee: '01062234302', extension: '396' }],
    [{ callee: '0571-88886666 转 123' }, { callee: '057188886666', extension: '123' }],
    [
      { callee: '01062234302', extension: '396' },
      { callee: '01062234302', extension: '396' },
    ],
    // The extension named apart wins over one written into the callee.
    [
      { callee: '010-62234302-396', extension: '397' },
      { callee: '01062234302', extension: '397' },
    ],
    // A number without extension is passed on as typed, for validation to normalise.
    [{ callee: '+86 10 6223 4302' }, { callee: '+86 10 6223 4302' }],
  ])('%j → %j', (request, expected) => {
    expect(splitCallee(request)).toEqual(expected);
  });

  it('records no extension for a mobile, and leaves text that is no number for validation to refuse', () => {
    expect(splitCallee({ callee: '13800138000', extension: '12' })).toEqual({ callee: '13800138000' });
    expect(splitCallee({ callee: '138-0013-8000-12' })).toEqual({ callee: '138-0013-8000-12' });
    expect(splitCallee({ callee: 'abc', extension: '12' })).toEqual({ callee: 'abc' });
    expect(splitCallee({ callee: '01062234302', extension: '12a' })).toEqual({ callee: '01062234302' });
  });
});
