/**
 * The Yunxin server-API envelope on top of one HTTP exchange: sign, form-encode, read the
 * `{"code": …, "desc"|"msg": …}` answer, measure clock skew. Returns facts (not yet worded) so
 * callers such as the account check can classify a failure before explaining it.
 */
import { CLOCK_SKEW_WARN_SECONDS } from '../shared/limits';
import type { FailureFacts } from './errors';
import { signedHeaders } from './sign';
import type { Transport, TransportFailureReason } from './transport';

export interface ProtocolConfig {
  appKey: string;
  appSecret: string;
  /**
   * The checked http(s) base URL as a string without a trailing slash (a path prefix is kept),
   * and its host name for messages: worked out once per client, not on every request.
   */
  root: string;
  host: string;
  timeoutMs: number;
  now: () => number;
  transport: Transport;
}

export type Exchange = { ok: true; body: Record<string, unknown>; clockSkewSeconds?: number } | { ok: false; facts: FailureFacts };

export interface CallOptions {
  /** start*: an uncertain outcome may mean a phone is ringing. */
  ringsPhones: boolean;
  /** Read-only requests only: one more attempt after a network error (never after a timeout or an answer). */
  retryOnNetworkError: boolean;
}

const NETWORK_REASONS: ReadonlySet<TransportFailureReason> = new Set(['refused', 'dns', 'tls', 'connection_lost']);
const MAX_SERVER_TEXT = 200;

/** Local minus server in whole seconds, only when it is worth a warning. */
export function clockSkewFrom(date: string | null | undefined, localMs: number | undefined): number | undefined {
  if (!date || localMs === undefined) return undefined;
  const serverMs = Date.parse(date);
  if (Number.isNaN(serverMs)) return undefined;
  // The Date header is truncated to the second: the true server time is on average 0.5 s later.
  const skew = Math.round((localMs - (serverMs + 500)) / 1000);
  return Math.abs(skew) > CLOCK_SKEW_WARN_SECONDS ? skew : undefined;
}

/**
 * Server text goes into messages and logs; a hostile or buggy endpoint could echo our headers,
 * so the secret and this request's CheckSum are removed before anyone sees the text.
 */
function scrub(value: unknown, secrets: string[]): string | undefined {
  if (value === undefined || value === null) return undefined;
  let text = typeof value === 'string' ? value : JSON.stringify(value);
  for (const s of secrets) if (s.length >= 4) text = text.split(s).join('[redacted]');
  text = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return text.length > MAX_SERVER_TEXT ? `${text.slice(0, MAX_SERVER_TEXT)}…` : text;
}

/** Characters application/x-www-form-urlencoded leaves as they are. */
const FORM_SAFE = /^[A-Za-z0-9*._-]*$/;

/**
 * The form body, byte for byte what URLSearchParams writes. Our parameters are nearly always
 * digits and account names, which need no escaping; only those skip URLSearchParams (whose
 * serialiser is a measurable part of a loopback call).
 */
export function formBody(params: Record<string, string>): string {
  let out = '';
  for (const [key, value] of Object.entries(params)) {
    const pair = FORM_SAFE.test(key) && FORM_SAFE.test(value) ? `${key}=${value}` : new URLSearchParams({ [key]: value }).toString();
    out = out === '' ? pair : `${out}&${pair}`;
  }
  return out;
}

function parseJson(bytes: Buffer): unknown {
  const text = bytes.toString('utf8');
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return undefined;
  }
}

async function attempt(cfg: ProtocolConfig, path: string, params: Record<string, string>, opts: CallOptions): Promise<Exchange> {
  const headers = signedHeaders(cfg.appKey, cfg.appSecret, cfg.now());
  const secrets = [cfg.appSecret, headers.CheckSum];
  const host = cfg.host;
  const base = { host, ringsPhones: opts.ringsPhones };
  const out = await cfg.transport.exchange({
    url: cfg.root + path,
    headers: { ...headers },
    body: formBody(params),
    timeoutMs: cfg.timeoutMs,
    now: cfg.now,
  });
  if (!out.ok) {
    const clockSkewSeconds = clockSkewFrom(out.date, out.receivedAtMs);
    const code = out.reason === 'timeout' ? 'timeout' : out.reason === 'too_large' ? 'bad_response' : 'network';
    return {
      ok: false,
      facts: { ...base, code, reason: out.reason, httpStatus: out.httpStatus, timeoutMs: cfg.timeoutMs, clockSkewSeconds },
    };
  }
  const { httpStatus } = out.answer;
  const clockSkewSeconds = clockSkewFrom(out.answer.date, out.answer.receivedAtMs);
  const json = parseJson(out.answer.bytes);
  if (json === undefined) return { ok: false, facts: { ...base, code: 'bad_response', reason: 'non_json', httpStatus, clockSkewSeconds } };
  const body = typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
  const code = body ? Number(body.code) : NaN;
  if (!body || body.code === null || body.code === '' || !Number.isInteger(code)) {
    return { ok: false, facts: { ...base, code: 'bad_response', reason: 'missing_code', httpStatus, clockSkewSeconds } };
  }
  if (code === 200) return { ok: true, body, clockSkewSeconds };
  // Both spellings occur on the vendor page: {"desc": …} and {"msg": …}.
  const serverText = scrub(body.desc ?? body.msg, secrets);
  return { ok: false, facts: { ...base, code, serverText, httpStatus, clockSkewSeconds } };
}

export async function callYunxin(cfg: ProtocolConfig, path: string, params: Record<string, string>, opts: CallOptions): Promise<Exchange> {
  const first = await attempt(cfg, path, params, opts);
  // Never for start*: a retry after a lost connection could ring real phones twice.
  if (first.ok || opts.ringsPhones || !opts.retryOnNetworkError || first.facts.code !== 'network') return first;
  if (!NETWORK_REASONS.has(first.facts.reason as TransportFailureReason)) return first;
  // Fresh headers (new Nonce and CurTime) for the second attempt: attempt() signs every time.
  return attempt(cfg, path, params, opts);
}
