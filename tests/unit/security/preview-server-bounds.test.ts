/**
 * Finding 7: the preview server decides from the headers, before reading a byte of the body;
 * caps its connections; and a flood of rejected requests does not grow its log without bound.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OperationHandlers } from '../../../src/main/ipc/operations';
import { MAX_CONNECTIONS, startPreviewServer, type PreviewServer } from '../../../src/main/preview/server';
import { OPERATION_NAMES } from '../../../src/shared/contract';
import { createMemoryLog } from '../../support/memory-log';

let dir: string;
let server: PreviewServer;
let log: ReturnType<typeof createMemoryLog>;
let handlers: Record<string, ReturnType<typeof vi.fn>>;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dispatch-preview-bounds-'));
  log = createMemoryLog();
  handlers = {};
  for (const name of OPERATION_NAMES) handlers[name] = vi.fn(async () => ({ ok: true }));
  server = await startPreviewServer({ staticDir: dir, handlers: handlers as unknown as OperationHandlers, subscribe: () => () => undefined, log });
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Announces a 15 MB body, sends 64 KiB of it and waits for the answer without sending the rest.
 * Resolves with the status and how many body bytes had been written when the answer came: a
 * server that read the body first would never answer (the test would time out).
 */
function bigUnauthenticatedPost(headers: Record<string, string>): Promise<{ status: number; sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    const req = request(`${server.origin}/__preview/op/contactsImportPreview`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(15 * 1024 * 1024), ...headers },
    });
    req.on('response', (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, sent });
      req.destroy();
    });
    req.on('error', (e) => (sent > 0 ? undefined : reject(e)));
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    req.write(chunk, () => (sent += chunk.length));
    req.flushHeaders();
  });
}

describe('preview server bounds', () => {
  it.each([
    ['no token', {}],
    ['a wrong token', { 'x-dispatch-token': 'x'.repeat(32) }],
  ])('answers a 15 MB POST with %s from the headers alone', async (_label, headers) => {
    const r = await bigUnauthenticatedPost(headers);
    expect(r.status).toBe(403);
    expect(r.sent).toBeLessThan(15 * 1024 * 1024);
    expect(handlers.contactsImportPreview).not.toHaveBeenCalled();
  });

  it('a foreign Origin or a non-JSON type is refused before the body too, even with the token', async () => {
    expect((await bigUnauthenticatedPost({ 'x-dispatch-token': server.token, origin: 'http://evil.example' })).status).toBe(403);
    expect((await bigUnauthenticatedPost({ 'x-dispatch-token': server.token, 'content-type': 'text/plain' })).status).toBe(403);
  });

  it('with the token, a body announced above the cap is refused before it is read', async () => {
    const r = await new Promise<number>((resolve, reject) => {
      const req = request(`${server.origin}/__preview/op/contactsImportPreview`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(64 * 1024 * 1024), 'x-dispatch-token': server.token },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(r).toBe(413);
  });

  it('40 rejected requests write a bounded number of log lines', async () => {
    for (let i = 0; i < 40; i++) await bigUnauthenticatedPost({});
    const rejected = log.lines.filter((l) => l.includes('sender_rejected'));
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected.length).toBeLessThanOrEqual(20);
  });

  it(`closes connections beyond ${MAX_CONNECTIONS}`, async () => {
    const sockets: Socket[] = [];
    try {
      const port = Number(new URL(server.origin).port);
      const open = () =>
        new Promise<Socket>((resolve, reject) => {
          const s = connect(port, '127.0.0.1', () => resolve(s));
          s.on('error', reject);
          sockets.push(s);
        });
      // A request on each proves the server accepted it (a byte came back).
      for (let i = 0; i < MAX_CONNECTIONS; i++) {
        const s = await open();
        await new Promise<void>((resolve) => {
          s.once('data', () => resolve());
          s.write(`GET /nothing HTTP/1.1\r\nHost: ${new URL(server.origin).host}\r\n\r\n`);
        });
      }
      const extra = await open();
      extra.on('error', () => {});
      await new Promise<void>((resolve) => extra.once('close', () => resolve()));
      expect(extra.destroyed).toBe(true);
    } finally {
      for (const s of sockets) s.destroy();
    }
  });

  it('cuts off a client that sends its headers slowly (slowloris) once the header timeout passes', async () => {
    const slow = await startPreviewServer({
      staticDir: dir,
      handlers: handlers as unknown as OperationHandlers,
      subscribe: () => () => undefined,
      log,
      headersTimeoutMs: 200,
    });
    const socket = connect(Number(new URL(slow.origin).port), '127.0.0.1');
    try {
      socket.on('error', () => {});
      let received = '';
      socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
      const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      // A request line and one header, then nothing: the blank line that ends the headers never comes.
      socket.write(`GET / HTTP/1.1\r\nHost: ${new URL(slow.origin).host}\r\nX-Slow: `);
      await closed;
      // Only the server can have closed it (this side never ends it), answering at most a 408.
      expect(received === '' || received.startsWith('HTTP/1.1 408')).toBe(true);
      expect(handlers.settingsGet).not.toHaveBeenCalled();
    } finally {
      socket.destroy();
      await slow.close();
    }
  });
});
