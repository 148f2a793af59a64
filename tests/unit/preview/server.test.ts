import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OPERATION_NAMES } from '../../../src/shared/contract';
import type { OperationHandlers } from '../../../src/main/ipc/operations';
import { BRIDGE_SCRIPT_PATH, bridgeScript } from '../../../src/main/preview/bridge-script';
import { startPreviewServer, type PreviewServer } from '../../../src/main/preview/server';
import { createMemoryLog } from '../../support/memory-log';

let dir: string;
let server: PreviewServer;
let handlers: Record<string, ReturnType<typeof vi.fn>>;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dispatch-preview-'));
  mkdirSync(join(dir, 'static'));
  writeFileSync(join(dir, 'static', 'index.html'), '<!doctype html><html><head><title>x</title></head><body></body></html>');
  writeFileSync(join(dir, 'secret.txt'), 'outside the static dir');
  handlers = {};
  for (const name of OPERATION_NAMES) handlers[name] = vi.fn(async () => ({ ok: true, from: name }));
  server = await startPreviewServer({ staticDir: join(dir, 'static'), handlers: handlers as unknown as OperationHandlers, log: createMemoryLog() });
});

afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Raw HTTP so tests can set Host and Origin as an attacker's page would. */
function send(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(`${server.origin}${path}`, { method: init.method ?? 'GET', headers: init.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
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
    expect(res.body).toContain(`<head>\n    <script src="${BRIDGE_SCRIPT_PATH}"></script>`);
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
    const res = await send('/__preview/op/settingsGet', { method: 'POST', headers: { 'content-type': 'text/plain', 'x-dispatch-token': server.token }, body: '{}' });
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
    expect(Object.keys(api).sort()).toEqual([...OPERATION_NAMES].sort());
    expect(Object.isFrozen(api)).toBe(true);
    expect(context.history.replaceState).toHaveBeenCalled();
    await api.startCall({ callee: '13800138000' });
    expect(fetches[0].url).toBe('/__preview/op/startCall');
    expect(fetches[0].init.headers['x-dispatch-token']).toBe('abc_DEF-123');
    expect(JSON.parse(fetches[0].init.body)).toEqual({ callee: '13800138000' });
  });
});
