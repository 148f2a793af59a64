import { describe, expect, it } from 'vitest';
import { dayNumber, dayOf, zonedClock } from '../../../src/shared/reports/zoned-clock';

describe('zonedClock', () => {
  it('gives the local day, hour and minute of the zone', () => {
    const ts = Date.parse('2026-11-30T17:45:00Z');
    expect(zonedClock('Asia/Shanghai').parts(ts)).toEqual({ day: '2026-12-01', hour: 1, minute: 45 });
    expect(zonedClock('UTC').parts(ts)).toEqual({ day: '2026-11-30', hour: 17, minute: 45 });
    expect(zonedClock('Asia/Kathmandu').parts(ts)).toEqual({ day: '2026-11-30', hour: 23, minute: 30 });
  });

  it('follows daylight saving time on both sides of the change', () => {
    const berlin = zonedClock('Europe/Berlin');
    // 2026-03-29 01:00 UTC: clocks go from 02:00 CET to 03:00 CEST.
    expect(berlin.parts(Date.parse('2026-03-29T00:59:00Z')).hour).toBe(1);
    expect(berlin.parts(Date.parse('2026-03-29T01:00:00Z')).hour).toBe(3);
    expect(berlin.parts(Date.parse('2026-10-25T00:30:00Z')).hour).toBe(2); // CEST
    expect(berlin.parts(Date.parse('2026-10-25T01:30:00Z')).hour).toBe(2); // CET again
  });

  it('throws for a zone the runtime does not know', () => {
    expect(() => zonedClock('Mars/Olympus_Mons')).toThrow(RangeError);
  });

  it('numbers days and back, refusing dates that do not exist', () => {
    expect(dayOf(dayNumber('2024-02-29')!)).toBe('2024-02-29');
    expect(dayNumber('2025-02-29')).toBeNull();
    expect(dayNumber('2026-13-01')).toBeNull();
    expect(dayNumber('26-01-01')).toBeNull();
    expect(dayNumber('2026-01-02')! - dayNumber('2025-12-31')!).toBe(2);
  });
});
