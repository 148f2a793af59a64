import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OPERATION_NAMES, SUBSCRIBE } from '../../../src/shared/contract';
import { createEventBus, type EventBus } from '../../../src/main/events/event-bus';
import type { OperationHandlers } from '../../../src/main/ipc/operations';
import { BRIDGE_SCRIPT_PATH, bridgeScript } from '../../../src/main/preview/bridge-script';
import { startPreviewServer, type PreviewServer } from '../../../src/main/preview/server';
import { createMemoryLog } from '../../support/memory-log';

let dir: string;
let server: PreviewServer;
let handlers: Record<string, ReturnType<typeof vi.fn>>;
let bus: EventBus;
/** Event-stream subscriptions open on the server now, and a way to wait for that number. */
let open = 0;
let openWaiters: Array<() => void> = [];
const whenOpen = (n: number) =>
  new Promise<void>((resolve) => {
    const check = () => (open === n ? resolve() : openWaiters.push(check));
    check();
  });

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dispatch-preview-'));
  mkdirSync(join(dir, 'static'));
  writeFileSync(join(dir, 'static', 'index.html'), '<!doctype html><html><head><title>x</title></head><body></body></html>');
  writeFileSync(join(dir, 'secret.txt'), 'outside the static dir');
  mkdirSync(join(dir, 'static', 'assets'));
  writeFileSync(join(dir, 'static', 'assets', 'index-Btm6okNz.js'), 'export {};');
  writeFileSync(join(dir, 'static', 'assets', 'plain.js'), 'export {};');
  handlers = {};
  for (const name of OPERATION_NAMES) handlers[name] = vi.fn(async () => ({ ok: true, from: name }));
  bus = createEventBus(createMemoryLog());
  open = 0;
  openWaiters = [];
  const counted: EventBus['subscribe'] = (listener) => {
    const off = bus.subscribe(listener);
    changeOpen(+1);
    let on = true;
    return () => {
      if (on) changeOpen(-1);
      on = false;
      off();
    };
  };
  server = await startPreviewServer({
    staticDir: join(dir, 'static'),
    handlers: handlers as unknown as OperationHandlers,
    subscribe: counted,
    log: createMemoryLog(),
  });
});

function changeOpen(delta: number) {
  open += delta;
  const waiting = openWaiters;
  openWaiters = [];
  for (const w of waiting) w();
}

afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Raw HTTP so tests can set Host and Origin as an attacker's page would. */
function send(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string; cache: string | undefined }>((resolve, reject) => {
    const req = request(`${server.origin}${path}`, { method: init.method ?? 'GET', headers: init.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), cache: res.headers['cache-control'] }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

const op = (name: string, headers: Record<string, string>, body = '{}') =>
  send(`/__preview/op/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('preview server', () => {
  it('listens on loopback only and hands out a URL with the token in its fragment', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).toBe(`${server.origin}/#token=${server.token}`);
  });

  it('serves index.html with the bridge script injected before anything else', async () => {
    const res = await send('/');
    expect(res.status).toBe(200);
    expect(res.body).toContain(`<head>\n    <script defer src="${BRIDGE_SCRIPT_PATH}"></script>`);
    expect(res.cache).toBe('no-store');
  });

  it('lets the browser keep content-hashed assets, never the page or the bridge', async () => {
    const hashed = await send('/assets/index-Btm6okNz.js');
    expect(hashed.status).toBe(200);
    expect(hashed.cache).toBe('public, max-age=31536000, immutable');
    const unhashed = await send('/assets/plain.js');
    expect(unhashed.cache).toBe('no-store');
    expect((await send(BRIDGE_SCRIPT_PATH)).cache).toBe('no-store');
  });

  it('runs an operation for a request carrying the token', async () => {
    const res = await op('settingsGet', { 'x-dispatch-token': server.token, origin: server.origin });
    expect(JSON.parse(res.body)).toEqual({ ok: true, from: 'settingsGet' });
  });

  it.each([
    ['no token', { 'x-dispatch-token': '' }],
    ['a wrong token', { 'x-dispatch-token': 'x'.repeat(32) }],
    ['a foreign origin', { origin: 'http://evil.example' }],
  ])('refuses %s without running the handler', async (_label, headers) => {
    const res = await op('startCall', { 'x-dispatch-token': server.token, ...headers }, '{"callee":"13800138000"}');
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, code: 'forbidden_sender' });
    expect(handlers.startCall).not.toHaveBeenCalled();
  });

  it('refuses a request addressed to another host name (DNS rebinding)', async () => {
    const res = await op('settingsGet', { 'x-dispatch-token': server.token, host: 'evil.example' });
    expect(res.status).toBe(421);
    expect(handlers.settingsGet).not.toHaveBeenCalled();
  });

  it('refuses a text/plain POST (a form or no-cors fetch from another page)', async () => {
    const res = await send('/__preview/op/settingsGet', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-dispatch-token': server.token },
      body: '{}',
    });
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, code: 'forbidden_sender' });
  });

  it('does not serve files outside the static directory', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const res = await send(path);
      expect(res.body).not.toContain('outside the static dir');
    }
  });

  it('bridge script defines exactly the contract operations and sends the token from the fragment', async () => {
    const store = new Map<string, string>();
    const fetches: Array<{ url: string; init: { headers: Record<string, string>; body: string } }> = [];
    const window: Record<string, unknown> = {};
    const context = {
      window,
      location: { hash: '#token=abc_DEF-123', pathname: '/', search: '' },
      history: { replaceState: vi.fn() },
      sessionStorage: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) },
      fetch: async (url: string, init: { headers: Record<string, string>; body: string }) => {
        fetches.push({ url, init });
        return { json: async () => ({ ok: true }) };
      },
    };
    runInNewContext(bridgeScript(), context);
    const api = window.dispatch as Record<string, (p: unknown) => Promise<unknown>>;
    expect(Object.keys(api).sort()).toEqual([...OPERATION_NAMES, SUBSCRIBE].sort());
    expect(Object.isFrozen(api)).toBe(true);
    expect(context.history.replaceState).toHaveBeenCalled();
    await api.startCall({ callee: '13800138000' });
    expect(fetches[0].url).toBe('/__preview/op/startCall');
    expect(fetches[0].init.headers['x-dispatch-token']).toBe('abc_DEF-123');
    expect(JSON.parse(fetches[0].init.body)).toEqual({ callee: '13800138000' });
  });
});

describe('preview event stream', () => {
  /** Opens the stream as the bridge does; resolves with the response once the headers are in. */
  async function openStream(headers: Record<string, string>, signal?: AbortSignal) {
    return fetch(`${server.origin}/__preview/events`, { headers, signal });
  }

  it.each([
    ['no token', {}],
    ['a wrong token', { 'x-dispatch-token': 'x'.repeat(32) }],
    ['a foreign origin', { origin: 'http://evil.example' }],
  ])('refuses %s and subscribes nothing', async (label, extra) => {
    const headers: Record<string, string> = label === 'no token' ? {} : { 'x-dispatch-token': server.token };
    const res = await openStream({ ...headers, ...extra });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).not.toContain('event-stream');
    await res.text();
    expect(open).toBe(0);
  });

  it('refuses another host name (DNS rebinding)', async () => {
    const res = await send('/__preview/events', { headers: { 'x-dispatch-token': server.token, host: 'evil.example' } });
    expect(res.status).toBe(421);
    expect(open).toBe(0);
  });

  it('is subscribed before the headers arrive, delivers events in order, and unsubscribes when the client goes', async () => {
    const abort = new AbortController();
    const res = await openStream({ 'x-dispatch-token': server.token, origin: server.origin }, abort.signal);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(open).toBe(1);
    for (let revision = 1; revision <= 5; revision++) bus.emit('contactsChanged', { revision });
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while ((text.match(/^data: /gm) ?? []).length < 5) text += (await reader.read()).value ?? '';
    const events = [...text.matchAll(/^data: (.*)$/gm)].map((m) => JSON.parse(m[1]));
    expect(events).toEqual([1, 2, 3, 4, 5].map((revision) => ({ type: 'contactsChanged', data: { revision } })));
    abort.abort();
    await whenOpen(0);
  });

  it("the bridge script's subscribe carries the events in order to the listener, and unsubscribe closes the stream", async () => {
    const window: Record<string, unknown> = {};
    const requests: Array<{ url: string; headers: Record<string, string> }> = [];
    const context = {
      window,
      location: { hash: `#token=${server.token}`, pathname: '/', search: '' },
      history: { replaceState: () => undefined },
      sessionStorage: { getItem: () => server.token, setItem: () => undefined },
      fetch: (url: string, init: { headers: Record<string, string> }) => {
        requests.push({ url, headers: init.headers });
        return fetch(`${server.origin}${url}`, init);
      },
      TextDecoderStream,
      AbortController,
      setTimeout,
      console,
      Promise,
    };
    runInNewContext(bridgeScript(), context);
    const api = window.dispatch as { subscribe(listener: (e: unknown) => void): () => void; settingsGet(p: unknown): Promise<unknown> };
    const got: unknown[] = [];
    let wanted = 0;
    let arrived: () => void = () => undefined;
    const unsubscribe = api.subscribe((event) => {
      got.push(event);
      if (got.length === wanted) arrived();
    });
    // An operation sent right after subscribe waits for the stream: by the time it is answered
    // the server has the subscription.
    await api.settingsGet({});
    expect(open).toBe(1);
    const all = new Promise<void>((resolve) => (arrived = resolve));
    wanted = 3;
    bus.emit('noticeAdded', { notice: { kind: 'corrupt_file_moved', file: 'a', movedTo: 'b', at: 1 } });
    bus.emit('contactsChanged', { revision: 7 });
    bus.emit('contactsChanged', { revision: 8 });
    await all;
    expect(got).toEqual([
      { type: 'noticeAdded', data: { notice: { kind: 'corrupt_file_moved', file: 'a', movedTo: 'b', at: 1 } } },
      { type: 'contactsChanged', data: { revision: 7 } },
      { type: 'contactsChanged', data: { revision: 8 } },
    ]);
    // The token went in a header, never in the URL.
    const stream = requests.find((r) => r.url === '/__preview/events')!;
    expect(stream.headers['x-dispatch-token']).toBe(server.token);
    expect(requests.every((r) => !r.url.includes(server.token))).toBe(true);
    unsubscribe();
    await whenOpen(0);
  });
});
