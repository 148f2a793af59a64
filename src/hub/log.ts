/**
 * The hub's pino logger. Redaction is a safety net: routes never log bodies, but a stray
 * `log.info({ req })` or an error carrying headers must still not print a secret.
 */
import pino, { type Logger } from 'pino';

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers.checksum',
  'headers.authorization',
  'headers.checksum',
  'authorization',
  'password',
  'newPassword',
  'appSecret',
  'token',
  'secret',
  '*.password',
  '*.newPassword',
  '*.appSecret',
  '*.token',
  '*.secret',
  '*.authorization',
];

export function createLogger(options: { level: string; destination?: pino.DestinationStream }): Logger {
  const opts: pino.LoggerOptions = { level: options.level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
  return options.destination ? pino(opts, options.destination) : pino(opts);
}
