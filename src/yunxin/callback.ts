/**
 * The end-of-call callback (抄送, eventType 10) that Yunxin POSTs after the last person leaves.
 * Signature: MD5 = md5(raw body bytes), CheckSum = sha1(AppSecret + MD5 + CurTime) with CurTime
 * in MILLISECONDS here (unlike the request signature, which uses seconds). Verification must use
 * the raw bytes as received: re-serialising parsed JSON changes them.
 * Nothing here throws; a hostile body yields `false` or a Failure.
 */
import { timingSafeEqual } from 'node:crypto';
import type { SessionId, SessionType } from '../shared/domain';
import { failure, type Failure } from '../shared/result';
import { asCount, asRecord, asRecordArray, asText, pick, type JsonRecord } from './jsonish';
import { checkSum, md5Hex } from './sign';

export const ECP_BILL_EVENT_TYPE = '10';

type HeaderValue = string | string[] | undefined;

export interface VerifyCallbackInput {
  appSecret: string;
  /** Any casing (`CurTime`, `curtime`); Node's IncomingHttpHeaders works as is. */
  headers: Record<string, HeaderValue>;
  rawBody: Buffer | Uint8Array;
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
  try {
    const { appSecret, headers, rawBody } = input;
    if (typeof appSecret !== 'string' || appSecret === '' || !(rawBody instanceof Uint8Array)) return false;
    const curTime = header(headers, 'curtime');
    const md5 = header(headers, 'md5');
    const sum = header(headers, 'checksum');
    if (!curTime || !/^\d{1,16}$/.test(curTime)) return false;
    if (!md5 || !/^[0-9a-fA-F]{32}$/.test(md5)) return false;
    if (!sum || !/^[0-9a-fA-F]{40}$/.test(sum)) return false;
    const actualMd5 = md5Hex(Buffer.from(rawBody));
    const bodyOk = sameHex(md5, actualMd5);
    const sumOk = sameHex(sum, checkSum(appSecret, actualMd5, curTime));
    return bodyOk && sumOk;
  } catch {
    return false;
  }
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
