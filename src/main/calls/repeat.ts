/**
 * "Run this every N ms" as a dependency, so tests drive the session tracker round by round
 * instead of waiting for real time to pass.
 */
export type Repeat = (intervalMs: number, run: () => Promise<void>) => { stop(): void };

/** setInterval, unref'd: polling must never be what keeps a quitting app alive. */
export const realRepeat: Repeat = (intervalMs, run) => {
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref?.();
  return { stop: () => clearInterval(timer) };
};
