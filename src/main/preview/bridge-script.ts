/**
 * The browser preview's stand-in for the preload: a classic script, served by the preview server
 * and run before the app, that defines `window.dispatch` with one method per contract operation,
 * each POSTing to the preview server, plus `subscribe` for main's events. The per-launch token
 * arrives in the URL fragment (never sent in a Referer or logged by a server), is kept in
 * sessionStorage and wiped from the URL.
 *
 * Events come over Server-Sent Events read with fetch streaming, not EventSource: EventSource
 * cannot send a header, so the token would have to ride in the URL, where it shows in the
 * devtools network log, in any proxy or access log and in a Referer should a policy ever allow
 * one. With fetch it travels in the same header as the operations'. When the stream drops the
 * script reconnects (backing off up to 5 s) and then delivers `streamResumed`, because events may
 * have been missed meanwhile. While a stream is being opened, operation requests wait for it:
 * the server subscribes before it answers the headers, so a read made after `subscribe` cannot
 * miss a change that comes after it.
 */
import { BRIDGE_GLOBAL, OPERATION_NAMES, SUBSCRIBE } from '../../shared/contract';
import { EVENTS_PATH } from './event-stream';

export const BRIDGE_SCRIPT_PATH = '/__preview/bridge.js';
export const OPERATION_PATH_PREFIX = '/__preview/op/';
export const TOKEN_HEADER = 'x-dispatch-token';
/** The longest wait between two reconnection attempts. */
const MAX_RETRY_MS = 5000;

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
  const headers = { ${JSON.stringify(TOKEN_HEADER)}: token };

  // --- events
  const listeners = new Set();
  let stream = null; // { abort: AbortController } while subscribed
  let streamReady = null; // resolves once the server has subscribed us (or the attempt failed)
  const deliver = (event) => {
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (error) {
        console.error('dispatch event listener failed', error);
      }
    }
  };
  const dispatchBlock = (block) => {
    const data = block
      .split('\\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).replace(/^ /, ''))
      .join('\\n');
    if (!data) return;
    try {
      deliver(JSON.parse(data));
    } catch (error) {
      console.error('dispatch event unreadable', error);
    }
  };
  const run = async (own) => {
    let opened = 0;
    let failures = 0;
    while (stream === own) {
      let markReady;
      streamReady = new Promise((resolve) => (markReady = resolve));
      try {
        const res = await fetch(${JSON.stringify(EVENTS_PATH)}, { headers, cache: 'no-store', signal: own.abort.signal });
        markReady();
        if (!res.ok || !res.body) throw new Error('event stream refused: ' + res.status);
        if (opened++ > 0) deliver({ type: 'streamResumed', data: {} });
        failures = 0;
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffered = '';
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          buffered += value;
          let end;
          while ((end = buffered.indexOf('\\n\\n')) >= 0) {
            dispatchBlock(buffered.slice(0, end));
            buffered = buffered.slice(end + 2);
          }
        }
      } catch (error) {
        markReady();
        if (stream !== own) return;
      }
      if (stream !== own) return;
      const wait = Math.min(${MAX_RETRY_MS}, 250 * 2 ** failures++);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  };
  const subscribe = (listener) => {
    if (typeof listener !== 'function') throw new TypeError('subscribe needs a listener function');
    const own = (event) => listener(event);
    listeners.add(own);
    if (!stream) {
      stream = { abort: new AbortController() };
      void run(stream);
    }
    return () => {
      listeners.delete(own);
      if (listeners.size === 0 && stream) {
        stream.abort.abort();
        stream = null;
        streamReady = null;
      }
    };
  };

  // --- operations
  const invoke = async (name, payload) => {
    try {
      if (streamReady) await streamReady;
      const res = await fetch(${JSON.stringify(OPERATION_PATH_PREFIX)} + name, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(payload === undefined ? null : payload),
      });
      return await res.json();
    } catch (error) {
      return { ok: false, code: 'network', message: 'Preview server unreachable: ' + String(error) };
    }
  };
  const api = {};
  for (const name of ${JSON.stringify(OPERATION_NAMES)}) api[name] = (payload) => invoke(name, payload);
  api[${JSON.stringify(SUBSCRIBE)}] = subscribe;
  Object.defineProperty(window, ${JSON.stringify(BRIDGE_GLOBAL)}, { value: Object.freeze(api), enumerable: true });
})();
`;
}
