import type { DispatchApi } from '../../shared/contract';

declare global {
  interface Window {
    /** The preload bridge (Electron) or the preview bridge (browser): the contract's operations only. */
    readonly dispatch: DispatchApi;
  }
}
