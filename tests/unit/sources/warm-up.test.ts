/**
 * The background runner: it works in slices between other tasks (a task queued meanwhile runs
 * between two slices), finish() does the rest at once without starting the work over, and stop()
 * ends the background slices.
 */
import { describe, expect, it } from 'vitest';
import { createWarmUp } from '../../../src/main/sources/local/warm-up';

/** A generator of `steps` steps that counts how many ran and how often it was created. */
function counter(steps: number) {
  const seen = { steps: 0, created: 0 };
  function* work(): Generator<void, void> {
    seen.created++;
    for (let i = 0; i < steps; i++) {
      seen.steps++;
      yield;
    }
  }
  return { seen, work };
}

/** A clock that moves 5 ms per read: a slice of 10 ms with a clock read every 5 steps is 10 steps. */
function steppingClock() {
  let t = 0;
  return () => (t += 5);
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('warm-up runner', () => {
  it('runs in slices, letting other tasks in between, until done', async () => {
    const { seen, work } = counter(100);
    const warm = createWarmUp(work, { sliceMs: 10, checkEvery: 5, now: steppingClock() });
    warm.start();
    expect(seen.steps).toBe(0);
    const progress: number[] = [];
    while (!warm.done) {
      await nextTurn();
      progress.push(seen.steps);
    }
    expect(seen.steps).toBe(100);
    expect(seen.created).toBe(1);
    // More than one slice, each a bounded number of steps.
    expect(progress.length).toBeGreaterThan(3);
    for (let i = 1; i < progress.length; i++) expect(progress[i] - progress[i - 1]).toBeLessThanOrEqual(10);
  });

  it('finish() completes the running work at once, without starting it over', async () => {
    const { seen, work } = counter(100);
    const warm = createWarmUp(work, { sliceMs: 10, checkEvery: 5, now: steppingClock() });
    warm.start();
    await nextTurn();
    expect(seen.steps).toBeGreaterThan(0);
    expect(seen.steps).toBeLessThan(100);
    warm.finish();
    expect(warm.done).toBe(true);
    expect(seen).toEqual({ steps: 100, created: 1 });
    // Nothing more runs afterwards, and start() after done is a no-op.
    warm.start();
    await nextTurn();
    expect(seen).toEqual({ steps: 100, created: 1 });
  });

  it('finish() without start() runs the whole work synchronously, once', () => {
    const { seen, work } = counter(10);
    const warm = createWarmUp(work);
    warm.finish();
    warm.finish();
    expect(seen).toEqual({ steps: 10, created: 1 });
  });

  it('stop() ends the background slices; start() is refused afterwards, finish() still works', async () => {
    const { seen, work } = counter(1000);
    const warm = createWarmUp(work, { sliceMs: 10, checkEvery: 5, now: steppingClock() });
    warm.start();
    await nextTurn();
    warm.stop();
    const at = seen.steps;
    await nextTurn();
    await nextTurn();
    warm.start();
    await nextTurn();
    expect(seen.steps).toBe(at);
    expect(warm.done).toBe(false);
    warm.finish();
    expect(seen.steps).toBe(1000);
  });
});
