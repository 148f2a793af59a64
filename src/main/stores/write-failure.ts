/**
 * Collections throw when a write does not reach the disk (disk full, permissions). Handlers answer
 * with a `storage` failure instead, so the dispatcher learns the change was not saved.
 */
import { failure, type Failure } from '../../shared/result';
import type { Logger } from '../log';

const text = {
  'zh-CN': '无法写入数据文件（磁盘已满或没有权限？），本次更改未保存。',
  en: 'Could not write the data file (disk full or no permission?); the change was not saved.',
};

/** Runs `write`; null when it succeeded, a `storage` failure (and a log line) when it threw. */
export function tryWrite(log: Logger, what: string, write: () => void): Failure | null {
  try {
    write();
    return null;
  } catch (error) {
    log.error('store.write_failed', { what, error: error instanceof Error ? error.message : String(error) });
    return failure('storage', text.en, { text });
  }
}
