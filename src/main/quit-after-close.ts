/**
 * Electron's `before-quit` does not wait for promises: without this the process could exit
 * while the core is still closing (a compaction half written, the cached order not saved). The
 * first quit is held back until `close()` settles, then quit is asked again and let through.
 */
export interface QuitEvent {
  preventDefault(): void;
}

export function quitAfterClose(options: { close: () => Promise<void>; quit: () => void; onError?: (error: unknown) => void }): (event: QuitEvent) => void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  return (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    options
      .close()
      .catch((error) => options.onError?.(error))
      .finally(() => {
        state = 'closed';
        options.quit();
      });
  };
}
