/**
 * A small structured logger. Lines go to a file in the data directory (and stderr in development).
 * Anything registered with `redact` (the AppSecret while it is in use) is replaced before a line
 * is written, as a second line of defence: our own messages never include it in the first place.
 */
import fs from 'node:fs';

export type LogFields = Record<string, string | number | boolean | undefined>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  redact(secret: string): void;
}

export function createLogger(options: { file?: string; echo?: boolean } = {}): Logger {
  const secrets = new Set<string>();
  // On the values, before serialising: once JSON-encoded, a secret containing `"` or `\` no
  // longer appears as itself in the line. Nested fields are walked too.
  const scrub = (value: unknown, depth: number): unknown => {
    if (typeof value === 'string') {
      let out = value;
      for (const secret of secrets) out = out.split(secret).join('[redacted]');
      return out;
    }
    if (value === null || typeof value !== 'object') return value;
    if (depth > 8) return '[nested]';
    if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[String(scrub(k, depth + 1))] = scrub(v, depth + 1);
    return out;
  };
  const write = (level: string, event: string, fields?: LogFields) => {
    let line = JSON.stringify(scrub({ t: new Date().toISOString(), level, event, ...fields }, 0));
    // Second pass on the encoded line (a secret split across fields cannot be caught, but one
    // that somehow survived as text, raw or JSON-escaped, is).
    for (const secret of secrets) {
      line = line.split(secret).join('[redacted]');
      line = line.split(JSON.stringify(secret).slice(1, -1)).join('[redacted]');
    }
    if (options.echo) process.stderr.write(line + '\n');
    if (options.file) {
      try {
        // Owner-only, and never through a link planted at the log's name.
        const fd = fs.openSync(options.file, fs.constants.O_WRONLY | fs.constants.O_APPEND | fs.constants.O_CREAT | (fs.constants.O_NOFOLLOW ?? 0), 0o600);
        try {
          fs.writeSync(fd, line + '\n');
        } finally {
          fs.closeSync(fd);
        }
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
