import type { Logger, LogFields } from '../../src/main/log';

/** A logger that keeps its lines, so tests can assert what was (and was not) logged. */
export function createMemoryLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const secrets = new Set<string>();
  const write = (level: string, event: string, fields?: LogFields) => {
    let line = JSON.stringify({ level, event, ...fields });
    for (const s of secrets) line = line.split(s).join('[redacted]');
    lines.push(line);
  };
  return {
    lines,
    info: (e, f) => write('info', e, f),
    warn: (e, f) => write('warn', e, f),
    error: (e, f) => write('error', e, f),
    redact: (s) => void secrets.add(s),
  };
}
