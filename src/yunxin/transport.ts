/**
 * One HTTP exchange with hard limits. Knows nothing of Yunxin: it POSTs bytes and returns bytes,
 * or says precisely why it could not (timeout vs. refused vs. DNS vs. a broken connection),
 * because "may a phone be ringing?" depends on that difference.
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

export interface ExchangeInput {
  fetch: typeof fetch;
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  now: () => number;
  maxBytes?: number;
}

/** Rejects as soon as the signal aborts, even if `p` never settles (an injected fetch may ignore the signal). */
function raceAbort<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    p.catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
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
  if (codes.some((c) => /CERT|TLS|SSL/.test(c))) return 'tls';
  return 'connection_lost';
}

async function readBounded(body: ReadableStream<Uint8Array> | null, maxBytes: number, signal: AbortSignal): Promise<Buffer | 'too_large'> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await raceAbort(reader.read(), signal);
      if (done) break;
      total += value.byteLength;
      // Stop at the limit instead of buffering whatever a misconfigured proxy sends.
      if (total > maxBytes) return 'too_large';
      chunks.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks, total);
}

/**
 * The timer covers connect, headers AND body: a server that sends headers and then trickles the
 * body must still fail at timeoutMs, not whenever it finishes.
 */
export async function exchange(input: ExchangeInput): Promise<TransportOutcome> {
  const maxBytes = input.maxBytes ?? MAX_ANSWER_BYTES;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException('Yunxin request timed out', 'TimeoutError'));
  }, input.timeoutMs);
  let seen: { httpStatus: number; date: string | null; receivedAtMs: number } | undefined;
  try {
    const res = await raceAbort(
      input.fetch(input.url, {
        method: 'POST',
        headers: input.headers,
        body: input.body,
        signal: controller.signal,
        // A redirect would replay the signed headers to another URL; treat it as a bad answer instead.
        redirect: 'manual',
      }),
      controller.signal,
    );
    seen = { httpStatus: res.status, date: res.headers.get('date'), receivedAtMs: input.now() };
    const declared = Number(res.headers.get('content-length') ?? NaN);
    const bytes = Number.isFinite(declared) && declared > maxBytes ? 'too_large' : await readBounded(res.body, maxBytes, controller.signal);
    if (bytes === 'too_large') return { ok: false, reason: 'too_large', ...seen };
    return { ok: true, answer: { ...seen, bytes } };
  } catch (err) {
    if (timedOut) return { ok: false, reason: 'timeout', ...seen };
    return { ok: false, reason: classifyNetworkError(err), ...seen };
  } finally {
    clearTimeout(timer);
    // Frees the socket when we stopped early (too large) or failed mid-body.
    if (!controller.signal.aborted) controller.abort();
  }
}
