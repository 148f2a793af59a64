import { MAX_CONFERENCE_CALLEES } from '../shared/limits';
import { hasAccid, type KnownAccount } from './accounts';
import { answers, type Answer } from './answers';

export type Params = Record<string, string>;
type Checked<T> = { ok: true; value: T } | { ok: false; answer: Answer };

export interface CallRequest {
  callerAcc: string;
  caller: string;
  callee: string;
  maxDur: number;
}

export interface ConfRequest {
  callerAcc: string;
  caller: string;
  callees: string[];
  maxDur: number;
}

/**
 * [inf] What the real server accepts as a domestic number without country code: mobile 1[3-9] + 9,
 * fixed line 0 + area + subscriber (11–12 digits), 400/800 service numbers. It surely accepts more
 * or less than this; the point is to refuse '+86…', separators and country-code prefixes, which the
 * vendor page says must not be sent.
 */
const DOMESTIC_NUMBER = /^(?:1[3-9]\d{9}|0[1-9]\d{9,10}|[48]00\d{7})$/;
/** [inf] a positive integer of seconds; the vendor documents no upper bound. */
const POSITIVE_INTEGER = /^[1-9]\d{0,8}$/;

function rejected<T>(answer: Answer): Checked<T> {
  return { ok: false, answer };
}

/** Order of checks [inf]: the order the parameters are documented in. */
function checkCommon(params: Params, account: KnownAccount): Checked<{ callerAcc: string; caller: string }> {
  const callerAcc = params.callerAcc ?? '';
  if (!hasAccid(account, callerAcc)) return rejected(answers.badParam('callerAcc'));
  const caller = params.caller ?? '';
  if (!DOMESTIC_NUMBER.test(caller)) return rejected(answers.badParam('caller'));
  return { ok: true, value: { callerAcc, caller } };
}

function checkMaxDur(params: Params): Checked<number> {
  const maxDur = params.maxDur ?? '';
  return POSITIVE_INTEGER.test(maxDur) ? { ok: true, value: Number(maxDur) } : rejected(answers.badParam('maxDur'));
}

export function checkStartCall(params: Params, account: KnownAccount): Checked<CallRequest> {
  const common = checkCommon(params, account);
  if (!common.ok) return common;
  const callee = params.callee ?? '';
  if (!DOMESTIC_NUMBER.test(callee)) return rejected(answers.badParam('callee'));
  const maxDur = checkMaxDur(params);
  if (!maxDur.ok) return maxDur;
  return { ok: true, value: { ...common.value, callee, maxDur: maxDur.value } };
}

/** A JSON array of strings, or undefined. Single-quoted "arrays" (the vendor's C# sample) are not JSON. */
export function parseStringArray(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (Array.isArray(parsed) && parsed.every((item) => typeof item === 'string')) return parsed as string[];
  } catch {
    // fall through: not JSON at all
  }
  return undefined;
}

export function checkStartConf(params: Params, account: KnownAccount): Checked<ConfRequest> {
  const common = checkCommon(params, account);
  if (!common.ok) return common;
  const callees = parseStringArray(params.callee);
  if (!callees || callees.length === 0) return rejected(answers.badParam('callee'));
  // Count before content [inf]: a list of nine valid numbers hears "exceed", not "bad param".
  if (callees.length > MAX_CONFERENCE_CALLEES) return rejected(answers.tooManyCallees(MAX_CONFERENCE_CALLEES));
  if (!callees.every((n) => DOMESTIC_NUMBER.test(n))) return rejected(answers.badParam('callee'));
  const maxDur = checkMaxDur(params);
  if (!maxDur.ok) return maxDur;
  return { ok: true, value: { ...common.value, callees, maxDur: maxDur.value } };
}

export type SessionKind = 'call' | 'conf';

/** queryBySession's `type`: 1 = single call, 2 = conference [src: old official ServerAPI demos]. */
export function checkQuery(params: Params): Checked<{ session: string; kind: SessionKind }> {
  const session = params.session ?? '';
  if (session === '') return rejected(answers.badParam('session'));
  if (params.type === '1') return { ok: true, value: { session, kind: 'call' } };
  if (params.type === '2') return { ok: true, value: { session, kind: 'conf' } };
  return rejected(answers.badParam('type'));
}

/** [inf] getUinfos takes at most 200 accids per request (the IM API's documented batch size). */
const MAX_UINFO_ACCIDS = 200;

export function checkGetUinfos(params: Params): Checked<string[]> {
  const accids = parseStringArray(params.accids);
  if (!accids || accids.length === 0 || accids.length > MAX_UINFO_ACCIDS) return rejected(answers.badParam('accids'));
  return { ok: true, value: accids };
}
