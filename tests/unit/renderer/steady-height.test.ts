import { describe, expect, it } from 'vitest';
import { mayResize } from '../../../src/renderer/src/lib/steady-height';

// The strip's bottom edge at the window's bottom (768), idle 29 px, busy 124 px.
const base = { granted: 29, natural: 124, bottom: 768, scale: 1 };

describe('mayResize', () => {
  it('waits while the pointer is over the rows the growing strip would cover', () => {
    expect(mayResize({ ...base, pointerY: 700 })).toBe(false);
    expect(mayResize({ ...base, pointerY: 768 - 124 })).toBe(false);
  });
  it('grows when the pointer is above that band or outside the window', () => {
    expect(mayResize({ ...base, pointerY: 768 - 125 })).toBe(true);
    expect(mayResize({ ...base, pointerY: 100 })).toBe(true);
    expect(mayResize({ ...base, pointerY: null })).toBe(true);
  });
  it('waits to shrink while the pointer is over the strip, whose buttons would move down', () => {
    expect(mayResize({ granted: 124, natural: 29, bottom: 768, scale: 1, pointerY: 740 })).toBe(false);
    expect(mayResize({ granted: 124, natural: 29, bottom: 768, scale: 1, pointerY: 600 })).toBe(true);
  });
  it('measures the band in client pixels when the app is zoomed (large text)', () => {
    // 124 layout px are 155 client px at zoom 1.25.
    expect(mayResize({ ...base, scale: 1.25, pointerY: 768 - 140 })).toBe(false);
    expect(mayResize({ ...base, scale: 1.25, pointerY: 768 - 160 })).toBe(true);
  });
  it('has nothing to do when the height is already right', () => {
    expect(mayResize({ ...base, natural: 29, pointerY: null })).toBe(false);
  });
});
