/**
 * Raw-HTTP helpers for the simulator tests. They deliberately avoid the app's Yunxin client: the
 * simulator is the yardstick for that client, so it is checked with hand-built requests only.
 */
import { checkSum, FORM_CONTENT_TYPE } from '../../../src/yunxin/sign';
import type { Simulator, SimulatorAccount } from '../../../src/simulator';

export const APP: SimulatorAccount = { appKey: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', appSecret: 'c915496e6e5b', accids: ['alice', 'Bob'] };
export const OTHER_APP: SimulatorAccount = { appKey: 'ffffeeeeddddccccbbbbaaaa99998888', appSecret: '0123456789ab', accids: ['carol'] };

export const MOBILE_A = '13800138000';
export const MOBILE_B = '13912345678';
export const FIXED_LINE = '01065529988';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A hand-adjustable server clock; tests move it instead of sleeping. */
export function manualClock(startMs = Date.UTC(2024, 4, 1, 8, 0, 0)): { now: () => number; advance: (ms: number) => void; set: (ms: number) => void } {
  let t = startMs;
  return { now: () => t, advance: (ms) => (t += ms), set: (ms) => (t = ms) };
}

export interface SignOptions {
  account?: SimulatorAccount;
  /** Client clock in ms (defaults to the real clock). */
  nowMs?: number;
  nonce?: string;
  curTime?: string;
  checkSum?: string;
  contentType?: string | null;
  /** Header names to leave out entirely. */
  omit?: string[];
}

export function signed(opts: SignOptions = {}): Record<string, string> {
  const account = opts.account ?? APP;
  const nonce = opts.nonce ?? 'n' + Math.random().toString(16).slice(2);
  const curTime = opts.curTime ?? String(Math.floor((opts.nowMs ?? Date.now()) / 1000));
  const headers: Record<string, string> = {
    AppKey: account.appKey,
    Nonce: nonce,
    CurTime: curTime,
    CheckSum: opts.checkSum ?? checkSum(account.appSecret, nonce, curTime),
  };
  if (opts.contentType !== null) headers['Content-Type'] = opts.contentType ?? FORM_CONTENT_TYPE;
  for (const name of opts.omit ?? []) delete headers[name];
  return headers;
}

export interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
}

export async function post(sim: Simulator, path: string, form: Record<string, string>, sign: SignOptions = {}): Promise<RawAnswer> {
  const res = await fetch(sim.url + path, { method: 'POST', headers: signed(sign), body: new URLSearchParams(form).toString() });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

export async function postJson(sim: Simulator, path: string, form: Record<string, string>, sign: SignOptions = {}): Promise<Record<string, unknown>> {
  const answer = await post(sim, path, form, sign);
  if (answer.status !== 200) throw new Error(`HTTP ${answer.status}: ${answer.text}`);
  return JSON.parse(answer.text) as Record<string, unknown>;
}

export const callForm = (over: Record<string, string> = {}): Record<string, string> => ({
  callerAcc: 'alice',
  caller: MOBILE_A,
  callee: MOBILE_B,
  maxDur: '600',
  ...over,
});

export const confForm = (callees: unknown, over: Record<string, string> = {}): Record<string, string> => ({
  callerAcc: 'alice',
  caller: MOBILE_A,
  callee: typeof callees === 'string' ? callees : JSON.stringify(callees),
  maxDur: '600',
  ...over,
});

/** n distinct valid mobile numbers. */
export function mobiles(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `1390000${String(1000 + i)}`);
}

export async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
