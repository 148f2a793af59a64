/**
 * The transport over an injected `fetch` (tests and the hub may pass one). Kept to the same rules
 * as the default node:http transport (see transport.ts), including when the fetch does not
 * cooperate: the deadline is raced against the fetch and every body read, so it holds even when
 * the fetch ignores its abort signal.
 */
import { classifyNetworkError, MAX_ANSWER_BYTES, type ExchangeRequest, type Transport, type TransportOutcome } from './transport';

export interface ExchangeInput extends ExchangeRequest {
  fetch: typeof fetch;
}

/**
 * The exchange's deadline as a promise that rejects when the timer fires. Raced against the fetch
 * and each body read, so the time limit holds even when `p` never settles (an injected fetch may
 * ignore the signal). One promise per exchange instead of an abort listener added and removed on
 * every await: EventTarget listeners are the dearest part of an exchange that goes well.
 */
interface Deadline {
  passed: Promise<never>;
  fire(reason: unknown): void;
}

function createDeadline(): Deadline {
  let fire: (reason: unknown) => void = () => undefined;
  const passed = new Promise<never>((_, reject) => {
    fire = reject;
  });
  // Nobody may be racing it when it fires (between two reads): that is not an unhandled rejection.
  passed.catch(() => undefined);
  return { passed, fire };
}

function race<T>(p: Promise<T>, deadline: Deadline): Promise<T> {
  return Promise.race([p, deadline.passed]);
}

async function readBounded(body: ReadableStream<Uint8Array> | null, maxBytes: number, deadline: Deadline): Promise<Buffer | 'too_large'> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Buffer[] = [];
  let total = 0;
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await race(reader.read(), deadline);
      if (done) break;
      total += value.byteLength;
      // Stop at the limit instead of buffering whatever a misconfigured proxy sends.
      if (total > maxBytes) return 'too_large';
      chunks.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
    }
    finished = true;
  } finally {
    // Stopped early (too large, timed out, broken): cancelling the body releases the connection.
    if (!finished) reader.cancel().catch(() => undefined);
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}

/**
 * The timer covers connect, headers AND body: a server that sends headers and then trickles the
 * body must still fail at timeoutMs, not whenever it finishes.
 */
export async function exchange(input: ExchangeInput): Promise<TransportOutcome> {
  const maxBytes = input.maxBytes ?? MAX_ANSWER_BYTES;
  const controller = new AbortController();
  const deadline = createDeadline();
  let timedOut = false;
  // Set once the whole answer is in: only then is there nothing left to abort.
  let complete = false;
  const timer = setTimeout(() => {
    timedOut = true;
    const reason = new DOMException('Yunxin request timed out', 'TimeoutError');
    controller.abort(reason);
    deadline.fire(reason);
  }, input.timeoutMs);
  let seen: { httpStatus: number; date: string | null; receivedAtMs: number } | undefined;
  try {
    const res = await race(
      input.fetch(input.url, {
        method: 'POST',
        headers: input.headers,
        body: input.body,
        signal: controller.signal,
        // A redirect would replay the signed headers to another URL; treat it as a bad answer instead.
        redirect: 'manual',
      }),
      deadline,
    );
    seen = { httpStatus: res.status, date: res.headers.get('date'), receivedAtMs: input.now() };
    const declared = Number(res.headers.get('content-length') ?? NaN);
    const bytes = Number.isFinite(declared) && declared > maxBytes ? 'too_large' : await readBounded(res.body, maxBytes, deadline);
    if (bytes === 'too_large') return { ok: false, reason: 'too_large', ...seen };
    complete = true;
    return { ok: true, answer: { ...seen, bytes } };
  } catch (err) {
    if (timedOut) return { ok: false, reason: 'timeout', ...seen };
    return { ok: false, reason: classifyNetworkError(err), ...seen };
  } finally {
    clearTimeout(timer);
    // Frees the socket when we stopped early (too large) or failed mid-body. Not after a complete
    // answer: the connection is already back in the pool, and an abort costs an exception object
    // and an event dispatch through the fetch on every call that went well.
    if (!complete && !controller.signal.aborted) controller.abort();
  }
}

export function createFetchTransport(fetchImpl: typeof fetch): Transport {
  return { exchange: (request) => exchange({ ...request, fetch: fetchImpl }) };
}
