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

/** The file logger also lets go of its file (the log stays usable: a later line opens it again). */
export interface FileLogger extends Logger {
  close(): void;
}

/** Replaces every occurrence; `includes` first because almost no text contains a secret. */
function cut(text: string, secret: string): string {
  return text.includes(secret) ? text.split(secret).join('[redacted]') : text;
}

export function createLogger(options: { file?: string; echo?: boolean } = {}): FileLogger {
  // Each secret with its JSON-escaped form, computed once rather than on every line.
  const secrets = new Map<string, string>();
  /**
   * The log file stays open between lines: opening and closing it for every line was most of what
   * a placed call cost beyond the HTTP exchange. Opened owner-only, with O_APPEND (every line lands
   * at the end, whoever else appends) and never through a link planted at the log's name (O_NOFOLLOW
   * at open; a link planted later does not redirect an open descriptor). After a failed write the
   * file is opened afresh for the next line.
   */
  let fd: number | undefined;
  const release = () => {
    if (fd === undefined) return;
    const open = fd;
    fd = undefined;
    try {
      fs.closeSync(open);
    } catch {
      // Already gone: nothing to release.
    }
  };
  const append = (file: string, text: string) => {
    try {
      fd ??= fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_APPEND | fs.constants.O_CREAT | (fs.constants.O_NOFOLLOW ?? 0), 0o600);
      fs.writeSync(fd, text);
    } catch {
      // Logging must never break a call.
      release();
    }
  };
  // On the values, before serialising: once JSON-encoded, a secret containing `"` or `\` no
  // longer appears as itself in the line. Nested fields are walked too.
  const scrub = (value: unknown, depth: number): unknown => {
    if (typeof value === 'string') {
      let out = value;
      for (const secret of secrets.keys()) out = cut(out, secret);
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
    for (const [secret, escaped] of secrets) {
      line = cut(line, secret);
      line = cut(line, escaped);
    }
    if (options.echo) process.stderr.write(line + '\n');
    if (options.file) append(options.file, line + '\n');
  };
  return {
    info: (e, f) => write('info', e, f),
    warn: (e, f) => write('warn', e, f),
    error: (e, f) => write('error', e, f),
    redact: (secret) => {
      // Short strings would blank out ordinary words; real secrets are 32 hex chars.
      if (secret.length >= 6) secrets.set(secret, JSON.stringify(secret).slice(1, -1));
    },
    close: release,
  };
}
