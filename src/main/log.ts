/**
 * A small structured logger. Lines go to a file in the data directory (and stderr in development).
 * Anything registered with `redact` (the AppSecret while it is in use) is replaced before a line
 * is written, as a second line of defence: our own messages never include it in the first place.
 */
import { appendFileSync } from 'node:fs';

export type LogFields = Record<string, string | number | boolean | undefined>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  redact(secret: string): void;
}

export function createLogger(options: { file?: string; echo?: boolean } = {}): Logger {
  const secrets = new Set<string>();
  const write = (level: string, event: string, fields?: LogFields) => {
    let line = JSON.stringify({ t: new Date().toISOString(), level, event, ...fields });
    for (const secret of secrets) line = line.split(secret).join('[redacted]');
    if (options.echo) process.stderr.write(line + '\n');
    if (options.file) {
      try {
        appendFileSync(options.file, line + '\n', { mode: 0o600 });
      } catch {
        // Logging must never break a call.
      }
    }
  };
  return {
    info: (e, f) => write('info', e, f),
    warn: (e, f) => write('warn', e, f),
    error: (e, f) => write('error', e, f),
    redact: (secret) => {
      // Short strings would blank out ordinary words; real secrets are 32 hex chars.
      if (secret.length >= 6) secrets.add(secret);
    },
  };
}
