/**
 * The page the window loads, which is also the page the IPC sender check trusts. electron-vite's
 * dev server URL comes from the environment; in a packaged build the environment is anyone's to
 * set, and whatever URL it named would get the bridge — so there it is ignored.
 */
export function rendererUrl(options: { isPackaged: boolean; envUrl: string | undefined; bundledUrl: string }): string {
  if (!options.isPackaged && options.envUrl) return options.envUrl;
  return options.bundledUrl;
}
