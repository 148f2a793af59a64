/**
 * One HTTP exchange with hard limits, as an interface. A transport knows nothing of Yunxin: it
 * POSTs bytes and returns bytes, or says precisely why it could not (timeout vs. refused vs. DNS
 * vs. a broken connection), because "may a phone be ringing?" depends on that difference.
 *
 * Every transport keeps the same rules: one attempt, never a retry; redirects are never followed
 * (a 3xx is an answer like any other, and following it would replay the signed headers and the
 * call to another host); the deadline covers connect, headers AND body; at most `maxBytes` of an
 * answer are read. The default is node:http(s) with a keep-alive agent (http-transport.ts); an
 * injected `fetch` is wrapped by fetch-transport.ts.
 */

export const MAX_ANSWER_BYTES = 64 * 1024;

export type TransportFailureReason = 'timeout' | 'refused' | 'dns' | 'tls' | 'connection_lost' | 'too_large';

export interface RawAnswer {
  httpStatus: number;
  bytes: Buffer;
  /** The server's `Date` header, for clock-skew detection. */
  date: string | null;
  /** Local clock (the injected `now`) when the headers arrived. */
  receivedAtMs: number;
}

export type TransportOutcome =
  { ok: true; answer: RawAnswer } | { ok: false; reason: TransportFailureReason; httpStatus?: number; date?: string | null; receivedAtMs?: number };

export interface ExchangeRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  now: () => number;
  maxBytes?: number;
}

export interface Transport {
  /** Resolves, never rejects. */
  exchange(request: ExchangeRequest): Promise<TransportOutcome>;
}

/** Error codes anywhere in the cause chain (undici wraps the socket error in `TypeError: fetch failed`). */
function errorCodes(err: unknown, depth = 0): string[] {
  if (depth > 6 || typeof err !== 'object' || err === null) return [];
  const e = err as { code?: unknown; cause?: unknown; errors?: unknown };
  const own = typeof e.code === 'string' ? [e.code] : [];
  const nested = Array.isArray(e.errors) ? e.errors.flatMap((x) => errorCodes(x, depth + 1)) : [];
  return [...own, ...nested, ...errorCodes(e.cause, depth + 1)];
}

export function classifyNetworkError(err: unknown): Exclude<TransportFailureReason, 'too_large'> {
  const codes = errorCodes(err);
  if (codes.includes('ECONNREFUSED')) return 'refused';
  if (codes.some((c) => /^(ENOTFOUND|EAI_)/.test(c))) return 'dns';
  if (codes.some((c) => c === 'UND_ERR_CONNECT_TIMEOUT' || c === 'ETIMEDOUT')) return 'timeout';
  // OpenSSL's verification codes do not all say CERT (UNABLE_TO_VERIFY_LEAF_SIGNATURE).
  if (codes.some((c) => /CERT|TLS|SSL|^UNABLE_TO_/.test(c))) return 'tls';
  return 'connection_lost';
}
