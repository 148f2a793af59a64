import type { DispatchApi, OperationName, RequestOf, ResponseOf } from '../../shared/contract';
import { failure } from '../../shared/result';
import { msg } from './i18n';

/**
 * The one way the renderer reaches main. Read lazily so a missing bridge shows a clear message
 * instead of a blank page.
 */
export function bridge(): DispatchApi {
  const api = (window as { dispatch?: DispatchApi }).dispatch;
  if (!api) throw new Error('Dispatch bridge missing: open the app through Electron or `npm run preview:web`.');
  return api;
}

const unreachable = () => msg('bridge.unreachable');

/**
 * Calls an operation and never throws: handlers answer with a Result, but an IPC rejection (no
 * handler registered, a crash) must still reach the dispatcher as a readable failure.
 */
export async function invoke<K extends OperationName>(name: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
  try {
    const fn = bridge()[name] as (r: RequestOf<K>) => Promise<ResponseOf<K>>;
    const result = await fn(request);
    if (result && typeof result === 'object' && 'ok' in result) return result;
    return failure('bad_response', `${name}: malformed answer`, { detail: unreachable() }) as ResponseOf<K>;
  } catch (error) {
    return failure('internal', `${name}: ${error instanceof Error ? error.message : String(error)}`, { detail: unreachable() }) as ResponseOf<K>;
  }
}
