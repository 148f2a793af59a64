import { createHash, randomBytes } from 'node:crypto';

/** CheckSum = sha1(AppSecret + Nonce + CurTime), lowercase hex — exactly as the vendor page says. */
export function checkSum(appSecret: string, nonce: string, curTime: string): string {
  return createHash('sha1')
    .update(appSecret + nonce + curTime, 'utf8')
    .digest('hex');
}

/**
 * A fresh nonce per request. The vendor's PHP sample appends to one nonce forever (it grows past
 * the 128-character limit); we never reuse or grow one. 32 hex chars = 128 random bits.
 */
export function newNonce(): string {
  return randomBytes(16).toString('hex');
}

/** CurTime is UTC *seconds* (several public samples wrongly send milliseconds). */
export function curTimeSeconds(nowMs: number = Date.now()): string {
  return String(Math.floor(nowMs / 1000));
}

export interface SignedHeaders {
  AppKey: string;
  Nonce: string;
  CurTime: string;
  CheckSum: string;
  'Content-Type': string;
}

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded;charset=utf-8';

/** Headers for one request, built when the request is built — never cached or reused. */
export function signedHeaders(appKey: string, appSecret: string, nowMs: number = Date.now()): SignedHeaders {
  const nonce = newNonce();
  const curTime = curTimeSeconds(nowMs);
  return {
    AppKey: appKey,
    Nonce: nonce,
    CurTime: curTime,
    CheckSum: checkSum(appSecret, nonce, curTime),
    'Content-Type': FORM_CONTENT_TYPE,
  };
}

/** md5 hex of the raw bytes — used by the end-of-call callback (抄送) signature. */
export function md5Hex(body: Buffer | string): string {
  return createHash('md5').update(body).digest('hex');
}
