/**
 * A logger that writes at most `lines` lines per window and then one line saying how many it
 * dropped. For events anyone on the machine can cause (rejected preview requests): they are worth
 * knowing about, not worth a log file that grows by a line per request.
 */
import type { Logger } from '../log';

export function rateLimitedLog(log: Logger, options: { lines: number; windowMs: number; now?: () => number }): Logger {
  const now = options.now ?? Date.now;
  let windowStart = now();
  let written = 0;
  let dropped = 0;
  const allow = (): boolean => {
    const t = now();
    if (t - windowStart >= options.windowMs) {
      if (dropped > 0) log.warn('log.suppressed', { dropped, windowMs: options.windowMs });
      windowStart = t;
      written = 0;
      dropped = 0;
    }
    if (written < options.lines) {
      written++;
      return true;
    }
    dropped++;
    return false;
  };
  return {
    info: (e, f) => void (allow() && log.info(e, f)),
    warn: (e, f) => void (allow() && log.warn(e, f)),
    error: (e, f) => void (allow() && log.error(e, f)),
    redact: (s) => log.redact(s),
  };
}
