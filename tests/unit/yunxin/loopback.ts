/**
 * Tiny ad-hoc HTTP servers on 127.0.0.1:0 for the Yunxin client tests. Each test scripts the
 * exact misbehaviour it needs (hang, trickle, HTML, huge body) and counts what reached it.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createYunxinClient, type YunxinClientOptions } from '../../../src/yunxin';

export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  form: URLSearchParams;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, received: Received, index: number) => void;

export interface Loopback {
  baseUrl: string;
  requests: Received[];
  close(): Promise<void>;
}

const open: Loopback[] = [];

export async function startLoopback(handler: Handler): Promise<Loopback> {
  const requests: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const received = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, form: new URLSearchParams(body) };
      requests.push(received);
      handler(req, res, received, requests.length - 1);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const lb: Loopback = {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  open.push(lb);
  return lb;
}

export async function closeAll(): Promise<void> {
  await Promise.all(open.splice(0).map((lb) => lb.close()));
}

/** A port nobody listens on: bind, note the port, close. */
export async function refusedBaseUrl(): Promise<string> {
  const lb = await startLoopback(() => undefined);
  await lb.close();
  open.splice(open.indexOf(lb), 1);
  return lb.baseUrl;
}

export function json(res: ServerResponse, body: unknown, status = 200, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json;charset=utf-8', ...headers });
  res.end(text);
}

export const SECRET = 'SENTINEL-SECRET-c0ffee-42';
export const APP_KEY = 'fd460d34e786e7754e505bc4fab0f027';
export const CALL = { callerAcc: 'dispatch01', caller: '13800138000', callee: '13900139000', maxDur: 600 };
export const CONF = { callerAcc: 'dispatch01', caller: '13800138000', callees: ['13900139000', '13700137000'], maxDur: 600 };

/**
 * Tests that expect a timeout pass this; answered requests get a roomy default so a loaded CI box
 * does not flake. Long enough that the request reliably reaches the loopback server first (the
 * "exactly one request" assertions need it there), short enough to keep the suite quick.
 */
export const SHORT_TIMEOUT_MS = 1000;

export function client(baseUrl: string, extra: Partial<YunxinClientOptions> = {}) {
  return createYunxinClient({ appKey: APP_KEY, appSecret: SECRET, baseUrl, timeoutMs: 5000, ...extra });
}
