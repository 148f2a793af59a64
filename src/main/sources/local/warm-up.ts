/**
 * Runs a piece of background work (a generator, one small step per `yield`) in slices of a few
 * milliseconds between other tasks, so that IPC requests arriving meanwhile are answered promptly.
 * Anything that needs the result before the background run is through calls `finish()`, which
 * does the rest at once. The work runs once: after it has completed, start() and finish() do
 * nothing.
 */
import { performance } from 'node:perf_hooks';

/** One slice: short enough that a call request waiting behind it is not noticeably late. */
export const WARM_SLICE_MS = 8;
/** Steps between clock reads in a slice (reading the clock per step would cost more than the step). */
export const WARM_CHECK_EVERY = 64;

export interface WarmUp {
  /** Starts the background slices unless the work is done, already running, or stopped. */
  start(): void;
  /** Does whatever is left now (also after stop), synchronously. */
  finish(): void;
  /** No more background slices (closing); finish() still works. */
  stop(): void;
  /** The work has run to its end. */
  readonly done: boolean;
}

export interface WarmUpOptions {
  sliceMs?: number;
  checkEvery?: number;
  /** The clock slices are measured with (tests pass their own). */
  now?: () => number;
}

export function createWarmUp(work: () => Generator<void, void>, options: WarmUpOptions = {}): WarmUp {
  const sliceMs = options.sliceMs ?? WARM_SLICE_MS;
  const checkEvery = options.checkEvery ?? WARM_CHECK_EVERY;
  const now = options.now ?? (() => performance.now());
  let running: Generator<void, void> | null = null;
  let timer: NodeJS.Immediate | null = null;
  let done = false;
  let stopped = false;

  function schedule(): void {
    timer = setImmediate(slice);
    timer.unref?.();
  }

  function slice(): void {
    timer = null;
    const current = running;
    if (!current) return; // finished by a request in the meantime
    const until = now() + sliceMs;
    for (let n = 1; ; n++) {
      if (current.next().done) {
        running = null;
        done = true;
        return;
      }
      if (n % checkEvery === 0 && now() >= until) break;
    }
    schedule();
  }

  return {
    start() {
      if (done || timer || stopped) return;
      running ??= work();
      schedule();
    },

    finish() {
      if (timer) {
        clearImmediate(timer);
        timer = null;
      }
      if (done) return;
      running ??= work();
      while (!running.next().done);
      running = null;
      done = true;
    },

    stop() {
      stopped = true;
      if (timer) clearImmediate(timer);
      timer = null;
    },

    get done() {
      return done;
    },
  };
}
