/**
 * The end-of-call callback (抄送, eventType 10) that Yunxin POSTs after the last person leaves.
 * Signature: MD5 = md5(raw body bytes), CheckSum = sha1(AppSecret + MD5 + CurTime) with CurTime
 * in MILLISECONDS here (unlike the request signature, which uses seconds). Verification must use
 * the raw bytes as received: re-serialising parsed JSON changes them.
 * Nothing here throws; a hostile body yields `false` or a Failure.
 *
 * Acceptance rules (the hub's callback endpoint uses the same ones):
 * - the body is at most CALLBACK_MAX_BODY_BYTES, checked before anything is hashed;
 * - CurTime is milliseconds (13 digits; a seconds value is refused) within ±5 minutes of our
 *   clock (CALLBACK_MAX_SKEW_MS) — the vendor documents 5 minutes of validity for its signatures;
 * - with a replay store (verifyCallbackOnce), a (MD5, CurTime) pair is accepted once: a captured
 *   callback re-sent within the window is refused. The store only ever sees correctly signed
 *   callbacks, so a forger cannot fill it.
 */
import { timingSafeEqual } from 'node:crypto';
import type { SessionId, SessionType } from '../shared/domain';
import { failure, type Failure } from '../shared/result';
import { asCount, asRecord, asRecordArray, asText, pick, type JsonRecord } from './jsonish';
import { checkSum, md5Hex } from './sign';

export const ECP_BILL_EVENT_TYPE = '10';
/** A bill is a few kilobytes; a conference of 8 with every leg stays far below this. */
export const CALLBACK_MAX_BODY_BYTES = 256 * 1024;
export const CALLBACK_MAX_SKEW_MS = 5 * 60_000;

type HeaderValue = string | string[] | undefined;

export interface VerifyCallbackInput {
  appSecret: string;
  /** Any casing (`CurTime`, `curtime`); Node's IncomingHttpHeaders works as is. */
  headers: Record<string, HeaderValue>;
  rawBody: Buffer | Uint8Array;
  /** Our clock in ms (default Date.now()). */
  now?: number;
  /** How far CurTime may be from `now`, either way (default CALLBACK_MAX_SKEW_MS). */
  windowMs?: number;
  /** Largest body accepted (default CALLBACK_MAX_BODY_BYTES). */
  maxBodyBytes?: number;
}

export type CallbackRejection = 'too_large' | 'bad_headers' | 'stale' | 'bad_signature' | 'replayed';
export type CallbackVerdict = { ok: true } | { ok: false; reason: CallbackRejection };

/**
 * Where accepted (MD5, CurTime) pairs are remembered until they could no longer pass the time
 * window anyway. The desk keeps them in memory; the hub in its database.
 */
export interface CallbackReplayStore {
  /** Records `key` until `expiresAtMs`; true if it was new, false if it was already there. */
  remember(key: string, expiresAtMs: number): boolean | Promise<boolean>;
}

/** In-memory store: expired keys are dropped as new ones arrive; at most `max` are kept. */
export function createMemoryReplayStore(options: { now?: () => number; max?: number } = {}): CallbackReplayStore {
  const now = options.now ?? Date.now;
  const max = options.max ?? 100_000;
  const seen = new Map<string, number>();
  return {
    remember(key, expiresAtMs) {
      const t = now();
      for (const [k, exp] of seen) {
        if (exp > t && seen.size < max) break;
        seen.delete(k);
      }
      const known = seen.get(key);
      if (known !== undefined && known > t) return false;
      seen.set(key, expiresAtMs);
      return true;
    },
  };
}

function header(headers: Record<string, HeaderValue>, name: string): string | undefined {
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (k.toLowerCase() !== name) continue;
    const value = Array.isArray(v) ? v[0] : v;
    return typeof value === 'string' ? value.trim() : undefined;
  }
  return undefined;
}

/** Constant-time so a forger cannot learn the CheckSum byte by byte from response timing. */
function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a.toLowerCase(), 'utf8');
  const y = Buffer.from(b.toLowerCase(), 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

export function verifyCallback(input: VerifyCallbackInput): boolean {
  return checkCallback(input).ok;
}

/** The signature, size and time checks, with the reason when they fail. */
export function checkCallback(input: VerifyCallbackInput): CallbackVerdict {
  try {
    const { appSecret, headers, rawBody } = input;
    if (typeof appSecret !== 'string' || appSecret === '' || !(rawBody instanceof Uint8Array)) return { ok: false, reason: 'bad_headers' };
    // Before any hashing: the size of what we are asked to hash is the attacker's choice.
    if (rawBody.byteLength > (input.maxBodyBytes ?? CALLBACK_MAX_BODY_BYTES)) return { ok: false, reason: 'too_large' };
    const curTime = header(headers, 'curtime');
    const md5 = header(headers, 'md5');
    const sum = header(headers, 'checksum');
    // Milliseconds: 13 digits until the year 2286. Ten digits would be seconds: refused, not guessed.
    if (!curTime || !/^\d{13}$/.test(curTime)) return { ok: false, reason: 'bad_headers' };
    if (!md5 || !/^[0-9a-fA-F]{32}$/.test(md5)) return { ok: false, reason: 'bad_headers' };
    if (!sum || !/^[0-9a-fA-F]{40}$/.test(sum)) return { ok: false, reason: 'bad_headers' };
    const now = input.now ?? Date.now();
    if (Math.abs(now - Number(curTime)) > (input.windowMs ?? CALLBACK_MAX_SKEW_MS)) return { ok: false, reason: 'stale' };
    const actualMd5 = md5Hex(Buffer.from(rawBody));
    const bodyOk = sameHex(md5, actualMd5);
    const sumOk = sameHex(sum, checkSum(appSecret, actualMd5, curTime));
    return bodyOk && sumOk ? { ok: true } : { ok: false, reason: 'bad_signature' };
  } catch {
    return { ok: false, reason: 'bad_headers' };
  }
}

/** checkCallback, then accepts each correctly signed (MD5, CurTime) once. */
export async function verifyCallbackOnce(input: VerifyCallbackInput & { seen: CallbackReplayStore }): Promise<CallbackVerdict> {
  const verdict = checkCallback(input);
  if (!verdict.ok) return verdict;
  const curTime = header(input.headers, 'curtime')!;
  const md5 = header(input.headers, 'md5')!.toLowerCase();
  const fresh = await input.seen.remember(`${md5}:${curTime}`, Number(curTime) + (input.windowMs ?? CALLBACK_MAX_SKEW_MS));
  return fresh ? { ok: true } : { ok: false, reason: 'replayed' };
}

export interface CallbackHeadersOut {
  'Content-Type': string;
  CurTime: string;
  MD5: string;
  CheckSum: string;
}

/** The headers Yunxin would send with this body; the simulator uses it to post bills. */
export function signCallback(appSecret: string, rawBody: Buffer | string, curTimeMs: number): CallbackHeadersOut {
  const md5 = md5Hex(rawBody);
  const curTime = String(Math.floor(curTimeMs));
  return { 'Content-Type': 'application/json;charset=utf-8', CurTime: curTime, MD5: md5, CheckSum: checkSum(appSecret, md5, curTime) };
}

export interface CallbackLeg {
  endpoint?: string;
  hangCause?: string;
  endTime?: string;
}

export interface CallbackBill {
  eventType: string;
  session: SessionId;
  type: SessionType;
  status?: string;
  durationSec?: number;
  caller?: string;
  callee?: string;
  /** = the callerAcc that placed the call. */
  initAccount?: string;
  createtime?: number;
  starttime?: number;
  /** Conference members, decoded from their doubly-encoded string; [] for a single call. */
  members: JsonRecord[];
  legs: CallbackLeg[];
  /** The decoded bill (the `callback` field) as received: fields we do not know survive here. */
  raw: JsonRecord;
}

function bad(detail: string): Failure {
  return failure('invalid_input', `Not a valid ECP end-of-call callback: ${detail}.`, { field: 'callback' });
}

function typeOf(bill: JsonRecord, members: JsonRecord[]): SessionType {
  const t = asText(bill.type)?.toUpperCase();
  if (t && /CONF|MEETING/.test(t)) return 'conf';
  if (t && /CALL/.test(t)) return 'call';
  return members.length > 0 || bill.members !== undefined ? 'conf' : 'call';
}

function legOf(r: JsonRecord): CallbackLeg {
  const leg: CallbackLeg = {};
  const endpoint = asText(r.endpoint);
  const hangCause = asText(pick(r, 'hangCause', 'hangupCause'));
  const endTime = asText(r.endTime);
  if (endpoint) leg.endpoint = endpoint;
  if (hangCause) leg.hangCause = hangCause;
  if (endTime) leg.endTime = endTime;
  return leg;
}

export function parseCallbackBill(rawBody: Buffer | Uint8Array | string): { ok: true; bill: CallbackBill } | Failure {
  try {
    const text = typeof rawBody === 'string' ? rawBody : Buffer.from(rawBody).toString('utf8');
    const outer = asRecord(text.replace(/^\uFEFF/, ''));
    if (!outer) return bad('the body is not a JSON object');
    const eventType = asText(outer.eventType);
    if (eventType !== ECP_BILL_EVENT_TYPE) return bad(`eventType ${eventType ?? '(missing)'} is not ${ECP_BILL_EVENT_TYPE}`);
    // `callback` is JSON inside a string; tolerate an object in case a newer format sends one.
    const bill = asRecord(outer.callback);
    if (!bill) return bad('the callback field is missing or not JSON');
    const session = asText(bill.session);
    if (!session) return bad('the bill has no session');
    const members = asRecordArray(bill.members) ?? [];
    const result: CallbackBill = {
      eventType,
      session,
      type: typeOf(bill, members),
      members,
      legs: (asRecordArray(bill.legs) ?? []).map(legOf),
      raw: bill,
    };
    const optionalText = { status: bill.status, caller: bill.caller, callee: bill.callee, initAccount: bill.initAccount };
    for (const [k, v] of Object.entries(optionalText)) {
      const s = asText(v);
      if (s !== undefined) (result as unknown as Record<string, unknown>)[k] = s;
    }
    const optionalCount = { durationSec: bill.durationSec, createtime: bill.createtime, starttime: bill.starttime };
    for (const [k, v] of Object.entries(optionalCount)) {
      const n = asCount(v);
      if (n !== undefined) (result as unknown as Record<string, unknown>)[k] = n;
    }
    return { ok: true, bill: result };
  } catch {
    return bad('the body could not be read');
  }
}
