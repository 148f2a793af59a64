/**
 * The browser preview: serves the built renderer on 127.0.0.1 and answers the bridge's requests
 * with the same `invokeOperation` (sender check, payload validation, handlers) that Electron's IPC
 * uses. For development, tests and machines without Electron; never part of the packaged app.
 *
 * Trust: loopback only; every operation and the event stream need the per-launch token; the Host
 * header must be our own address (a DNS-rebinding page cannot reach us under another name) and a
 * browser-sent Origin must be ours too.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { invokeOperation, type OperationHandlers } from '../ipc/operations';
import type { SenderVerdict } from '../ipc/sender';
import type { Logger } from '../log';
import { BRIDGE_SCRIPT_PATH, bridgeScript, OPERATION_PATH_PREFIX, TOKEN_HEADER } from './bridge-script';
import { EVENTS_PATH, serveEventStream, type Subscribe } from './event-stream';
import { rateLimitedLog } from './rate-limited-log';

export interface PreviewServer {
  /** Open this in a browser: it carries the token in its fragment. */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

export interface PreviewOptions {
  staticDir: string;
  handlers: OperationHandlers;
  /** Main's events, streamed to the page (the core's `subscribe`). */
  subscribe: Subscribe;
  log: Logger;
  port?: number;
  token?: string;
  /** How long a client gets to send its headers (default HEADERS_TIMEOUT_MS); tests pass a short one. */
  headersTimeoutMs?: number;
  /** How long a client gets for the whole request (default REQUEST_TIMEOUT_MS). */
  requestTimeoutMs?: number;
}

// A CSV import carries the file base64-encoded: 10 MB of file is ~14 MB of JSON.
const MAX_BODY_BYTES = 16 << 20;
/** One browser tab needs a handful; the cap stops a local process from holding thousands open. */
export const MAX_CONNECTIONS = 32;
/** A client gets this long to send its headers (slowloris), and this long for the whole request. */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 60_000;
/**
 * Node enforces both timeouts only when it sweeps the connections, by default every 30 s, so a
 * 10 s header timeout would really be up to 40 s. Sweep at half the header timeout instead.
 */
const MAX_CONNECTIONS_CHECK_MS = 30_000;
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};
const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

export async function startPreviewServer(options: PreviewOptions): Promise<PreviewServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const tokenBytes = Buffer.from(token);
  let origin = '';
  // Rejected requests are logged, but at most a few lines a minute: a flood of them must not
  // grow the log without bound.
  const rejectLog = rateLimitedLog(options.log, { lines: 20, windowMs: 60_000 });

  const headersTimeout = options.headersTimeoutMs ?? HEADERS_TIMEOUT_MS;
  const requestTimeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const connectionsCheckingInterval = Math.max(1, Math.min(MAX_CONNECTIONS_CHECK_MS, Math.floor(headersTimeout / 2)));

  const server = createServer({ headersTimeout, requestTimeout, connectionsCheckingInterval }, (req, res) => {
    handle(req, res).catch((error) => {
      options.log.error('preview.request_failed', { error: error instanceof Error ? error.message : String(error) });
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const host = req.headers.host ?? '';
    if (`http://${host}` !== origin) return send(res, 421, 'text/plain; charset=utf-8', 'wrong host');
    const url = new URL(req.url ?? '/', origin);

    if (url.pathname.startsWith(OPERATION_PATH_PREFIX)) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'POST only');
      const name = url.pathname.slice(OPERATION_PATH_PREFIX.length);
      // Token, Origin and content type are in the headers: decide before reading a byte of body,
      // and close the connection on the rest of it.
      const verdict = checkPreviewSender(req, origin, tokenBytes);
      if (!verdict.trusted) {
        const refused = await invokeOperation(options.handlers, name, undefined, verdict, rejectLog);
        res.setHeader('connection', 'close');
        return send(res, 403, 'application/json; charset=utf-8', JSON.stringify(refused));
      }
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > MAX_BODY_BYTES) {
        res.setHeader('connection', 'close');
        return send(res, 413, 'application/json; charset=utf-8', JSON.stringify({ ok: false, code: 'invalid_input', message: 'Request body too large.' }));
      }
      const payload = await readJson(req);
      const result = payload.ok
        ? await invokeOperation(options.handlers, name, payload.value, verdict, options.log)
        : { ok: false, code: 'invalid_input', message: payload.message };
      return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(result));
    }

    if (url.pathname === EVENTS_PATH) {
      if (req.method !== 'GET') return send(res, 405, 'text/plain; charset=utf-8', 'GET only');
      const verdict = checkToken(req, origin, tokenBytes);
      if (!verdict.trusted) {
        rejectLog.warn('preview.events_rejected', { reason: verdict.reason });
        return send(res, 403, 'text/plain; charset=utf-8', 'forbidden');
      }
      return serveEventStream(res, options.subscribe, SECURITY_HEADERS);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'GET only');
    if (url.pathname === BRIDGE_SCRIPT_PATH) return send(res, 200, CONTENT_TYPES['.js'], bridgeScript());
    return serveStatic(url.pathname, res);
  }

  async function serveStatic(pathname: string, res: ServerResponse) {
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = normalize(join(options.staticDir, relative));
    if (!file.startsWith(normalize(options.staticDir) + sep)) return send(res, 404, 'text/plain; charset=utf-8', 'not found');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return send(res, 404, 'text/plain; charset=utf-8', 'not found');
    }
    if (relative === 'index.html') {
      // The bridge must exist before the app's module script runs. A deferred classic script
      // runs before the module scripts after it (deferred and module scripts run in document
      // order), without holding up the parser: the app's chunks download meanwhile.
      body = Buffer.from(body.toString('utf8').replace('<head>', `<head>\n    <script defer src="${BRIDGE_SCRIPT_PATH}"></script>`));
    }
    // The build names every asset by its content's hash: a name never gets other bytes, so the
    // browser may keep them (and its compiled code) across reloads. Everything else, the page and
    // the bridge with its token among them, is fetched anew every time.
    const immutable = /^assets\/[^/]+-[A-Za-z0-9_-]{8}\.(?:js|css)$/.test(relative);
    return send(res, 200, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', body, immutable ? IMMUTABLE : 'no-store');
  }

  server.maxConnections = MAX_CONNECTIONS;
  server.headersTimeout = headersTimeout;
  server.requestTimeout = requestTimeout;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The token and the Origin: what the operations and the event stream both require. */
function checkToken(req: IncomingMessage, origin: string, tokenBytes: Buffer): SenderVerdict {
  const given = Buffer.from(String(req.headers[TOKEN_HEADER] ?? ''));
  if (given.length !== tokenBytes.length || !timingSafeEqual(given, tokenBytes)) return { trusted: false, reason: 'bad token' };
  const sentOrigin = req.headers.origin;
  if (sentOrigin !== undefined && sentOrigin !== origin) return { trusted: false, reason: 'foreign origin' };
  return { trusted: true };
}

function checkPreviewSender(req: IncomingMessage, origin: string, tokenBytes: Buffer): SenderVerdict {
  const token = checkToken(req, origin, tokenBytes);
  if (!token.trusted) return token;
  if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return { trusted: false, reason: 'content type' };
  return { trusted: true };
}

async function readJson(req: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return { ok: false, message: 'Request body too large.' };
    chunks.push(chunk as Buffer);
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
  } catch {
    return { ok: false, message: 'Request body is not JSON.' };
  }
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, cache: 'no-store' | typeof IMMUTABLE = 'no-store') {
  res.writeHead(status, { 'content-type': type, 'cache-control': cache, ...SECURITY_HEADERS });
  res.end(body);
}
