import type { DispatchApi } from '../../shared/contract';

/**
 * The one way the renderer reaches main. Read lazily so a missing bridge shows a clear message
 * instead of a blank page.
 */
export function bridge(): DispatchApi {
  const api = (window as { dispatch?: DispatchApi }).dispatch;
  if (!api) throw new Error('Dispatch bridge missing: open the app through Electron or `npm run preview:web`.');
  return api;
}
