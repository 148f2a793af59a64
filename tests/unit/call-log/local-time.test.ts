import { afterEach, describe, expect, it } from 'vitest';
import { fileStamp, localIso } from '../../../src/main/local-time';

const original = process.env.TZ;
afterEach(() => {
  if (original === undefined) delete process.env.TZ;
  else process.env.TZ = original;
});

describe('local time for exports', () => {
  it('writes Beijing time with its +08:00 offset', () => {
    process.env.TZ = 'Asia/Shanghai';
    const instant = Date.UTC(2023, 11, 31, 16, 5, 9);
    expect(localIso(instant)).toBe('2024-01-01T00:05:09+08:00');
    expect(fileStamp(instant)).toBe('20240101-0005');
  });

  it('handles negative and half-hour offsets', () => {
    process.env.TZ = 'America/St_Johns';
    const instant = Date.UTC(2024, 0, 15, 12, 0, 0);
    expect(localIso(instant)).toBe('2024-01-15T08:30:00-03:30');
    expect(new Date(localIso(instant)).getTime()).toBe(instant);
  });
});
