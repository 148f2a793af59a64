/**
 * Collections throw when a write does not reach the disk (disk full, permissions). Handlers answer
 * with a `storage` failure instead, so the dispatcher learns the change was not saved.
 */
import { msg } from '../../shared/i18n';
import { failWith, type Failure } from '../../shared/result';
import type { Logger } from '../log';

/** Runs `write`; null when it succeeded, a `storage` failure (and a log line) when it threw. */
export function tryWrite(log: Logger, what: string, write: () => void): Failure | null {
  try {
    write();
    return null;
  } catch (error) {
    log.error('store.write_failed', { what, error: error instanceof Error ? error.message : String(error) });
    return failWith('storage', msg('storage.writeFailed'));
  }
}
