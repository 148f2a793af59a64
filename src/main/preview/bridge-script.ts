/**
 * The browser preview's stand-in for the preload: a classic script, served by the preview server
 * and run before the app, that defines `window.dispatch` with one method per contract operation,
 * each POSTing to the preview server. The per-launch token arrives in the URL fragment (never
 * sent in a Referer or logged by a server), is kept in sessionStorage and wiped from the URL.
 */
import { BRIDGE_GLOBAL, OPERATION_NAMES } from '../../shared/contract';

export const BRIDGE_SCRIPT_PATH = '/__preview/bridge.js';
export const OPERATION_PATH_PREFIX = '/__preview/op/';
export const TOKEN_HEADER = 'x-dispatch-token';

export function bridgeScript(): string {
  return `(() => {
  'use strict';
  const KEY = 'dispatch-preview-token';
  const match = /[#&]token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem(KEY, match[1]);
    history.replaceState(null, '', location.pathname + location.search);
  }
  const token = sessionStorage.getItem(KEY) || '';
  const invoke = async (name, payload) => {
    try {
      const res = await fetch(${JSON.stringify(OPERATION_PATH_PREFIX)} + name, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ${JSON.stringify(TOKEN_HEADER)}: token },
        body: JSON.stringify(payload === undefined ? null : payload),
      });
      return await res.json();
    } catch (error) {
      return { ok: false, code: 'network', message: 'Preview server unreachable: ' + String(error) };
    }
  };
  const api = {};
  for (const name of ${JSON.stringify(OPERATION_NAMES)}) api[name] = (payload) => invoke(name, payload);
  Object.defineProperty(window, ${JSON.stringify(BRIDGE_GLOBAL)}, { value: Object.freeze(api), enumerable: true });
})();
`;
}
