/**
 * The default transport: node:http / node:https with one keep-alive agent per client (a client is
 * built once per credentials and reused, so its connection is too). Cheaper per exchange than
 * fetch: no per-request AbortSignal, no WebStreams body, no Headers/Response objects; the
 * deadline is one timer that destroys the request.
 *
 * The rules of transport.ts hold here by construction: node:http never follows a redirect (a 3xx
 * is returned as an answer), TLS is verified (the agent's default), one request per exchange.
 */
import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { classifyNetworkError, MAX_ANSWER_BYTES, type ExchangeRequest, type Transport, type TransportFailureReason, type TransportOutcome } from './transport';

/**
 * An idle pooled connection is closed after this long: below the 5 s idle timeout common to
 * servers (Node's own, many proxies), so we seldom write a request into a socket the server is
 * closing; that would fail as a lost connection after sending, which for a call means "may have
 * been placed". A server's `Keep-Alive: timeout=N` hint shortens it further (Node's agent). The
 * same 4 s as undici's default, which the client had while it used fetch.
 */
export const IDLE_SOCKET_MS = 4000;

/** Where a URL points, parsed once: a client asks the same few URLs again and again. */
export interface Target {
  https: boolean;
  protocol: string;
  hostname: string;
  port: string;
  path: string;
}

const MAX_TARGETS = 16;

export function parseTarget(href: string): Target {
  const url = new URL(href);
  // IPv6 literals come bracketed in URL.hostname; node:http wants them bare.
  const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return { https: url.protocol === 'https:', protocol: url.protocol, hostname, port: url.port, path: url.pathname + url.search };
}

function remember(targets: Map<string, Target>, href: string): Target {
  const target = parseTarget(href);
  if (targets.size >= MAX_TARGETS) targets.clear();
  targets.set(href, target);
  return target;
}

interface Seen {
  httpStatus: number;
  date: string | null;
  receivedAtMs: number;
}

function exchangeVia(agents: { http: HttpAgent; https: HttpsAgent }, targets: Map<string, Target>, input: ExchangeRequest): Promise<TransportOutcome> {
  const maxBytes = input.maxBytes ?? MAX_ANSWER_BYTES;
  return new Promise<TransportOutcome>((resolve) => {
    let settled = false;
    let seen: Seen | undefined;
    let req: ClientRequest | undefined;
    const settle = (outcome: TransportOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    /** Settles first, then tears the connection down: the errors destroy() raises find it settled. */
    const fail = (reason: TransportFailureReason): void => {
      settle({ ok: false, reason, ...seen });
      req?.destroy();
    };
    // The whole exchange, connect to the last body byte: a trickled body fails at timeoutMs too.
    const timer = setTimeout(() => fail('timeout'), input.timeoutMs);

    const onResponse = (res: IncomingMessage): void => {
      const date = res.headers.date;
      seen = { httpStatus: res.statusCode ?? 0, date: date ?? null, receivedAtMs: input.now() };
      const declared = Number(res.headers['content-length'] ?? NaN);
      // Refused unread, and the socket with it, rather than draining megabytes to keep it alive.
      if (declared > maxBytes) return fail('too_large');
      const chunks: Buffer[] = [];
      let total = 0;
      res.on('data', (chunk: Buffer) => {
        if (settled) return;
        total += chunk.length;
        // Stop at the limit instead of buffering whatever a misconfigured proxy sends.
        if (total > maxBytes) return fail('too_large');
        chunks.push(chunk);
      });
      res.on('end', () => {
        const bytes = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
        settle({ ok: true, answer: { httpStatus: seen!.httpStatus, date: seen!.date, receivedAtMs: seen!.receivedAtMs, bytes } });
      });
      // The connection broke mid-body ('aborted'): after the request was sent, so "may have been placed".
      res.on('error', () => fail('connection_lost'));
      res.on('close', () => {
        if (!res.complete) fail('connection_lost');
      });
    };

    try {
      const target = targets.get(input.url) ?? remember(targets, input.url);
      const options: RequestOptions = {
        method: 'POST',
        protocol: target.protocol,
        hostname: target.hostname,
        port: target.port,
        path: target.path,
        agent: target.https ? agents.https : agents.http,
        headers: { ...input.headers, 'Content-Length': String(Buffer.byteLength(input.body)) },
      };
      req = (target.https ? httpsRequest : httpRequest)(options, onResponse);
    } catch (err) {
      // A URL or header node:http refuses, thrown before anything was sent; classified as the
      // TypeError fetch threw for it was (checkOptions keeps such values out in the first place).
      return settle({ ok: false, reason: classifyNetworkError(err) });
    }
    req.on('error', (err) => fail(classifyNetworkError(err)));
    req.end(input.body);
  });
}

export interface HttpTransport extends Transport {
  /** Closes the pooled connections (a client being dropped, a test's end). */
  close(): void;
}

export function createHttpTransport(options: { idleSocketMs?: number } = {}): HttpTransport {
  const timeout = options.idleSocketMs ?? IDLE_SOCKET_MS;
  // keepAlive: one TCP (and TLS) handshake for a session of calls instead of one per call. The
  // agent's `timeout` closes only idle sockets; an exchange in flight is bounded by its own timer.
  const agents = {
    http: new HttpAgent({ keepAlive: true, timeout }),
    https: new HttpsAgent({ keepAlive: true, timeout }),
  };
  const targets = new Map<string, Target>();
  return {
    exchange: (request) => exchangeVia(agents, targets, request),
    close: () => {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}
