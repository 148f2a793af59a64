/**
 * The default node:http transport against real loopback servers: what it does differently from
 * the fetch it replaced (its own keep-alive pool, one timer that destroys the request, a body read
 * from the response's events) must keep the same outcomes. Each server scripts one misbehaviour and
 * shows what reached it; the client's sockets are watched through node's `net.client.socket`
 * diagnostics channel, so waits are for events, never for time.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpTransport, parseTarget, type HttpTransport } from '../../../src/yunxin/http-transport';
import { MAX_ANSWER_BYTES } from '../../../src/yunxin/transport';
import { words } from '../../support/words';
import { CALL, client } from './loopback';

type Handler = (req: IncomingMessage, res: ServerResponse, index: number) => void;

interface TestServer {
  url: string;
  /** Server-side sockets, one per TCP connection the transport opened. */
  connections: Socket[];
  /** Requests whose body arrived whole, in order. */
  requests: number;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function track(server: Server, scheme: 'http' | 'https', handler: Handler): Promise<TestServer> {
  const t: TestServer = { url: '', connections: [], requests: 0 };
  server.on(scheme === 'https' ? 'secureConnection' : 'connection', (s: Socket) => t.connections.push(s));
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on('end', () => handler(req, res, t.requests++));
  });
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      t.url = `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}/call/ecp/startcall.action`;
      resolve(t);
    }),
  );
}

const serve = (handler: Handler) => track(createServer(), 'http', handler);

function transport(options?: { idleSocketMs?: number }): HttpTransport {
  const t = createHttpTransport(options);
  cleanups.push(() => t.close());
  return t;
}

const exchange = (t: HttpTransport, url: string, timeoutMs = 5000) =>
  t.exchange({ url, headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=utf-8' }, body: 'a=1', timeoutMs, now: Date.now });

interface ClientSocket {
  socket: Socket;
  /** Its first 'timeout' event, listened for from the moment the socket was created. */
  timedOut: Promise<void>;
}

/** The client sockets opened from now on, in order. */
function watchClientSockets(): ClientSocket[] {
  const sockets: ClientSocket[] = [];
  const onSocket = (message: unknown) => {
    const socket = (message as { socket: Socket }).socket;
    sockets.push({ socket, timedOut: new Promise((resolve) => socket.once('timeout', () => resolve())) });
  };
  subscribe('net.client.socket', onSocket);
  cleanups.push(() => void unsubscribe('net.client.socket', onSocket));
  return sockets;
}

const closed = (s: Socket) => new Promise<void>((resolve) => (s.destroyed ? resolve() : s.once('close', () => resolve())));

const OK = '{"code":200,"obj":{"session":"s1"}}';

describe('keep-alive', () => {
  it('exchanges of one transport share one connection', async () => {
    const server = await serve((_q, res) => res.end(OK));
    const t = transport();
    for (let i = 0; i < 3; i++) expect(await exchange(t, server.url)).toMatchObject({ ok: true, answer: { httpStatus: 200 } });
    expect(server.requests).toBe(3);
    expect(server.connections).toHaveLength(1);
  });

  it('a pooled connection the server closed is not used again: the next exchange opens a new one', async () => {
    const server = await serve((_q, res) => res.end(OK));
    const sockets = watchClientSockets();
    const t = transport();
    expect(await exchange(t, server.url)).toMatchObject({ ok: true });
    server.connections[0].destroy();
    await closed(sockets[0].socket);
    expect(await exchange(t, server.url)).toMatchObject({ ok: true });
    expect(server.connections).toHaveLength(2);
  });

  it('the idle timeout closes a pooled connection, and never one with an exchange in flight', async () => {
    const sockets = watchClientSockets();
    // The answer waits until the client's socket has timed out while the exchange is in flight.
    const server = await serve((_q, res) => void sockets[0].timedOut.then(() => res.end(OK)));
    const t = transport({ idleSocketMs: 50 });
    expect(await exchange(t, server.url)).toMatchObject({ ok: true, answer: { httpStatus: 200 } });
    // Then idle in the pool: closed by the same timeout, so the process keeps no stale connection.
    await closed(sockets[0].socket);
    expect(await exchange(t, server.url)).toMatchObject({ ok: true });
    expect(server.connections).toHaveLength(2);
  });
});

describe('the deadline', () => {
  it('before the headers: timeout without a status, the request reached the server once, the connection closed', async () => {
    const server = await serve(() => undefined);
    const out = await exchange(transport(), server.url, 200);
    expect(out).toEqual({ ok: false, reason: 'timeout' });
    expect(server.requests).toBe(1);
    await closed(server.connections[0]);
  });

  it('during the body: timeout with the status seen, the connection closed', async () => {
    const server = await serve((_q, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"code":200,');
    });
    const out = await exchange(transport(), server.url, 200);
    expect(out).toMatchObject({ ok: false, reason: 'timeout', httpStatus: 200 });
    await closed(server.connections[0]);
  });

  it('a timed-out connection is not reused: the next exchange opens a new one and succeeds', async () => {
    const server = await serve((_q, res, i) => (i === 0 ? undefined : res.end(OK)));
    const t = transport();
    expect(await exchange(t, server.url, 200)).toMatchObject({ ok: false, reason: 'timeout' });
    expect(await exchange(t, server.url)).toMatchObject({ ok: true });
    expect(server.connections).toHaveLength(2);
  });
});

describe('a broken or oversized answer', () => {
  it('the socket hung up mid-body: connection_lost with the status seen', async () => {
    const server = await serve((_q, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(OK.length) });
      res.write(OK.slice(0, 10), () => res.socket?.destroy());
    });
    expect(await exchange(transport(), server.url)).toMatchObject({ ok: false, reason: 'connection_lost', httpStatus: 200 });
  });

  it('the same for a call: a network failure that may have placed it, sent once', async () => {
    const server = await serve((_q, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"code":200,"obj":', () => res.socket?.destroy());
    });
    const r = await client(server.url.replace(/\/call\/.*$/, '')).startCall(CALL);
    expect(r).toMatchObject({ ok: false, code: 'network', httpStatus: 200 });
    expect(r.ok ? '' : words(r, 'en')).toMatch(/may already have been placed/);
    expect(server.requests).toBe(1);
  });

  it('a chunked answer over the limit: too_large, the rest left unread, and that connection dropped, not pooled', async () => {
    const sockets = watchClientSockets();
    const server = await serve((_q, res, i) => {
      if (i > 0) return res.end(OK);
      // 40 MB in 64 KiB chunks, as fast as the client takes them (no Content-Length: the limit is
      // met while reading). More than the kernel's socket buffers hold, so only a client that
      // keeps reading gets it all.
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let left = 640;
      const pump = (): void => {
        while (left-- > 0) if (!res.write(chunk)) return void res.once('drain', pump);
        res.end();
      };
      res.writeHead(200, { 'Content-Type': 'application/json' });
      pump();
    });
    const t = transport();
    expect(await exchange(t, server.url)).toMatchObject({ ok: false, reason: 'too_large', httpStatus: 200 });
    await closed(sockets[0].socket);
    expect(sockets[0].socket.bytesRead).toBeLessThan(4 * 1024 * 1024);
    expect(await exchange(t, server.url)).toMatchObject({ ok: true });
    expect(server.connections).toHaveLength(2);
  });

  it('an answer of exactly the limit is read whole', async () => {
    const server = await serve((_q, res) => res.end(Buffer.alloc(MAX_ANSWER_BYTES, 0x20)));
    const out = await exchange(transport(), server.url);
    expect(out.ok && out.answer.bytes.length).toBe(MAX_ANSWER_BYTES);
  });
});

describe('the request on the wire', () => {
  it('the given headers as given, the body length in bytes, and nothing asking for a compressed answer', async () => {
    let seen: { headers: IncomingMessage['headers']; body: string } | undefined;
    // Unescaped multi-byte characters too: Content-Length must count bytes, not characters.
    const body = 'name=%E8%B0%83%E5%BA%A6&raw=调度台';
    const plain = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
        res.end(OK);
      });
    });
    const target = await track(plain, 'http', () => undefined);
    const headers = { AppKey: 'k', Nonce: 'n', CurTime: '1', CheckSum: 'c', 'Content-Type': 'application/x-www-form-urlencoded;charset=utf-8' };
    const out = await transport().exchange({ url: target.url, headers, body, timeoutMs: 5000, now: Date.now });
    expect(out).toMatchObject({ ok: true });
    expect(seen?.body).toBe(body);
    expect(seen?.headers).toEqual({
      appkey: 'k',
      nonce: 'n',
      curtime: '1',
      checksum: 'c',
      'content-type': 'application/x-www-form-urlencoded;charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
      host: new URL(target.url).host,
      connection: 'keep-alive',
    });
  });
});

describe('what is never done', () => {
  it('a 3xx is returned as the answer; its Location is not requested', async () => {
    const elsewhere = await serve((_q, res) => res.end(OK));
    const server = await serve((_q, res) => {
      res.writeHead(307, { Location: elsewhere.url, 'Content-Type': 'application/json' });
      res.end('{"moved":true}');
    });
    const out = await exchange(transport(), server.url);
    expect(out.ok && { status: out.answer.httpStatus, body: out.answer.bytes.toString() }).toEqual({ status: 307, body: '{"moved":true}' });
    expect(elsewhere.requests).toBe(0);
  });

  it('an https server whose certificate this computer does not trust: tls, and nothing reached it', async () => {
    const dir = join(__dirname, '../team/fixtures');
    const server = await track(
      createHttpsServer({ key: readFileSync(join(dir, 'self-signed.key')), cert: readFileSync(join(dir, 'self-signed.crt')) }),
      'https',
      (_q, res) => res.end(OK),
    );
    expect(await exchange(transport(), server.url)).toEqual({ ok: false, reason: 'tls' });
    const r = await client(server.url.replace(/\/call\/.*$/, '')).startCall(CALL);
    expect(r).toMatchObject({ ok: false, code: 'network' });
    expect(r.ok ? '' : words(r, 'en')).toMatch(/certificate/i);
    expect(server.requests).toBe(0);
  });
});

describe('where a URL points (parsed once per URL)', () => {
  it.each([
    [
      'https://api.netease.im/call/ecp/startcall.action',
      { https: true, protocol: 'https:', hostname: 'api.netease.im', port: '', path: '/call/ecp/startcall.action' },
    ],
    ['http://127.0.0.1:8080/sim/call/x?y=1', { https: false, protocol: 'http:', hostname: '127.0.0.1', port: '8080', path: '/sim/call/x?y=1' }],
    ['https://[::1]:8443/x', { https: true, protocol: 'https:', hostname: '::1', port: '8443', path: '/x' }],
  ])('%s', (href, target) => {
    expect(parseTarget(href)).toEqual(target);
  });
});
