/**
 * Options → a checked protocol config. Problems are returned, not thrown: the client must
 * resolve every call, and a bad setting (empty AppKey, odd base URL) should read like any other
 * failure, with nothing sent.
 */
import { DEFAULT_BASE_URL, DEFAULT_TIMEOUT_MS, MAX_DUR_ABSOLUTE_MAX, MAX_DUR_ABSOLUTE_MIN } from '../shared/limits';
import type { Failure } from '../shared/result';
import type { MaxDurRange } from '../shared/validation';
import { toFailure } from './errors';
import { createFetchTransport } from './fetch-transport';
import { createHttpTransport } from './http-transport';
import type { ProtocolConfig } from './protocol';
import type { Transport } from './transport';

export type { MaxDurRange } from '../shared/validation';

export interface YunxinClientOptions {
  appKey: string;
  appSecret: string;
  /** Default https://api.netease.im; a path prefix is kept (useful for a simulator). */
  baseUrl?: string;
  /** Whole exchange including the body; default 10 000 ms. */
  timeoutMs?: number;
  maxDurRange?: MaxDurRange;
  /** Local clock in ms (tests simulate a wrong PC clock with it). */
  now?: () => number;
  /** Exchanges over this fetch instead of node:http (tests; the hub's test hook). */
  fetch?: typeof fetch;
  /** The HTTP exchange itself (tests count or break it); default node:http(s) with keep-alive. */
  transport?: Transport;
}

export interface CheckedConfig {
  protocol: ProtocolConfig;
  maxDurRange: MaxDurRange;
}

function invalid(field: string, detail: string): Failure {
  return { ...toFailure({ code: 'invalid_input', detail }), field };
}

export function checkOptions(o: YunxinClientOptions): CheckedConfig | Failure {
  if (typeof o.appKey !== 'string' || o.appKey.trim() === '') return toFailure({ code: 'not_configured', detail: 'AppKey' });
  if (typeof o.appSecret !== 'string' || o.appSecret === '') return toFailure({ code: 'not_configured', detail: 'AppSecret' });
  // A header value with spaces or non-ASCII makes the request throw a TypeError that would look like a network error.
  if (!/^[\x21-\x7e]{1,128}$/.test(o.appKey)) return invalid('appKey', 'the AppKey must be printable ASCII without spaces');
  let baseUrl: URL;
  try {
    baseUrl = new URL(o.baseUrl ?? DEFAULT_BASE_URL);
  } catch {
    return invalid('baseUrl', 'the API base URL is not a valid URL');
  }
  if (baseUrl.protocol !== 'https:' && baseUrl.protocol !== 'http:') return invalid('baseUrl', 'the API base URL must be http(s)');
  if (baseUrl.username || baseUrl.password) return invalid('baseUrl', 'the API base URL must not contain credentials');
  const timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) return invalid('timeoutMs', 'the timeout must be a positive number of milliseconds');
  return {
    protocol: {
      appKey: o.appKey,
      appSecret: o.appSecret,
      root: baseUrl.origin + baseUrl.pathname.replace(/\/+$/, ''),
      host: baseUrl.hostname,
      timeoutMs,
      now: o.now ?? Date.now,
      // Built once with the client, so its keep-alive connection serves every call of the client.
      transport: o.transport ?? (o.fetch ? createFetchTransport(o.fetch) : createHttpTransport()),
    },
    maxDurRange: o.maxDurRange ?? { min: MAX_DUR_ABSOLUTE_MIN, max: MAX_DUR_ABSOLUTE_MAX },
  };
}
