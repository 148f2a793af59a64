/**
 * Input rules for calls, conferences and settings. The renderer runs them for instant feedback;
 * main runs them again before anything reaches Yunxin, because a bad request can ring a wrong
 * phone. Pure TypeScript: no Node or Electron APIs.
 *
 * Every check takes `unknown` values where it can: main receives its data over IPC and must not
 * trust the TypeScript types of what the renderer sent.
 */
import type { PhoneNumber } from './domain';
import {
  CALLER_ACC_PATTERN,
  MAX_CONFERENCE_CALLEES,
  MAX_DUR_ABSOLUTE_MAX,
  MAX_DUR_ABSOLUTE_MIN,
} from './limits';
import { normalizePhone, phoneErrorText, quoteValue, type PhoneKind } from './phone';
import { failure, success, type Failure, type LocalizedText, type Result } from './result';

export interface MaxDurRange {
  min: number;
  max: number;
}

export interface CallRequestInput {
  callerAcc: string;
  caller: string;
  callee: string;
  maxDur: number;
}
export interface ValidCallRequest {
  callerAcc: string;
  caller: PhoneNumber;
  callee: PhoneNumber;
  maxDur: number;
}

export interface ConfRequestInput {
  callerAcc: string;
  caller: string;
  callees: string[];
  maxDur: number;
}
export interface ValidConfRequest {
  callerAcc: string;
  caller: PhoneNumber;
  callees: PhoneNumber[];
  maxDur: number;
}

export const CALLER_ACC_MAX_LENGTH = 32;

/** The English sentence doubles as `message`, so logs name the bad value too. */
function invalid(field: string, text: LocalizedText): Failure {
  return failure('invalid_input', text.en, { field, text });
}

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/** A short description of an unexpected value for a message, e.g. `the text "600"` or `NaN`. */
function describe(v: unknown): LocalizedText {
  if (typeof v === 'string') return { 'zh-CN': `文本 "${quoteValue(v)}"`, en: `the text "${quoteValue(v)}"` };
  if (typeof v === 'number') return { 'zh-CN': String(v), en: String(v) };
  if (v === null) return { 'zh-CN': '空值', en: 'null' };
  if (v === undefined) return { 'zh-CN': '空值', en: 'nothing' };
  return { 'zh-CN': typeof v, en: `a value of type ${typeof v}` };
}

/** The Yunxin accid that authorises calls: 1–32 of letters, digits, `_ @ . -`. */
export function validateCallerAcc(v: unknown): Failure | null {
  const field = 'callerAcc';
  if (isBlank(v)) {
    return invalid(field, {
      'zh-CN': '尚未设置云信账号（callerAcc），请在“设置”中填写',
      en: 'The Yunxin account (callerAcc) is not set: set it in Settings',
    });
  }
  if (typeof v !== 'string') {
    const d = describe(v);
    return invalid(field, {
      'zh-CN': `云信账号（callerAcc）必须是文本，收到的是 ${d['zh-CN']}`,
      en: `callerAcc must be text, got ${d.en}`,
    });
  }
  const q = quoteValue(v);
  if (v.length > CALLER_ACC_MAX_LENGTH) {
    return invalid(field, {
      'zh-CN': `云信账号 "${q}" 有 ${v.length} 个字符，最多 ${CALLER_ACC_MAX_LENGTH} 个`,
      en: `callerAcc "${q}" is ${v.length} characters long; at most ${CALLER_ACC_MAX_LENGTH} are allowed`,
    });
  }
  if (!CALLER_ACC_PATTERN.test(v)) {
    const bad = badAccChars(v);
    return invalid(field, {
      'zh-CN': `云信账号 "${q}" 含有不允许的字符 ${bad}，只能使用字母、数字和 _ @ . -`,
      en: `callerAcc "${q}" contains characters that are not allowed (${bad}); use only letters, digits and _ @ . -`,
    });
  }
  return null;
}

/** Names the offending characters, because a space or a full-width letter is easy to miss. */
function badAccChars(v: string): string {
  const seen = new Set<string>();
  for (const ch of v) {
    if (!/^[A-Za-z0-9_@.-]$/.test(ch)) seen.add(ch);
    if (seen.size >= 3) break;
  }
  return [...seen].map((ch) => (/^\s$/u.test(ch) ? 'space' : `"${quoteValue(ch) || '?'}"`)).join(' ');
}

/** maxDur: whole seconds within the range currently allowed by Settings. */
export function validateMaxDur(v: unknown, range: MaxDurRange): Failure | null {
  return checkSeconds(v, range, 'maxDur', { 'zh-CN': '通话时长上限（maxDur）', en: 'maxDur' }, {
    'zh-CN': '（范围可在“设置”中调整）',
    en: ' (the range can be changed in Settings)',
  });
}

function checkSeconds(
  v: unknown,
  range: MaxDurRange,
  field: string,
  name: LocalizedText,
  hint: LocalizedText = { 'zh-CN': '', en: '' },
): Failure | null {
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    // Strings are refused rather than parsed: a silently coerced "60.5" or "" would hide a bug.
    const d = describe(v);
    return invalid(field, {
      'zh-CN': `${name['zh-CN']}必须是整数秒，收到的是 ${d['zh-CN']}`,
      en: `${name.en} must be a whole number of seconds, got ${d.en}`,
    });
  }
  if (v < range.min || v > range.max) {
    return invalid(field, {
      'zh-CN': `${name['zh-CN']} ${v} 秒超出允许范围 ${range.min}–${range.max} 秒${hint['zh-CN']}`,
      en: `${name.en} ${v} s is outside the allowed range ${range.min}–${range.max} s${hint.en}`,
    });
  }
  return null;
}

/** The maxDur range a dispatcher may set: within the absolute bounds of limits.ts, min ≤ max. */
export function validateMaxDurRange(min: unknown, max: unknown): Failure | null {
  const absolute = { min: MAX_DUR_ABSOLUTE_MIN, max: MAX_DUR_ABSOLUTE_MAX };
  const problem =
    checkSeconds(min, absolute, 'maxDurMin', { 'zh-CN': '时长下限', en: 'The minimum call length' }) ??
    checkSeconds(max, absolute, 'maxDurMax', { 'zh-CN': '时长上限', en: 'The maximum call length' });
  if (problem) return problem;
  if ((min as number) > (max as number)) {
    return invalid('maxDurMax', {
      'zh-CN': `时长上限 ${String(max)} 秒小于下限 ${String(min)} 秒`,
      en: `The maximum call length (${String(max)} s) is below the minimum (${String(min)} s)`,
    });
  }
  return null;
}

/**
 * One number field as typed by the dispatcher. `label` prefixes the sentence when the field needs
 * naming (a conference row); the phone text already quotes the number itself.
 */
export function validatePhoneField(
  v: unknown,
  field: string,
  label?: LocalizedText,
): Result<{ number: PhoneNumber; kind: PhoneKind }> {
  if (typeof v !== 'string') {
    const d = describe(v);
    return invalid(field, withLabel(label, { 'zh-CN': `号码必须是文本，收到的是 ${d['zh-CN']}`, en: `The number must be text, got ${d.en}` }));
  }
  const parsed = normalizePhone(v);
  if (!parsed.ok) return invalid(field, withLabel(label, phoneErrorText(parsed)));
  return success({ number: parsed.number, kind: parsed.kind });
}

function withLabel(label: LocalizedText | undefined, text: LocalizedText): LocalizedText {
  return label ? { 'zh-CN': `${label['zh-CN']}：${text['zh-CN']}`, en: `${label.en}: ${text.en}` } : text;
}

/** The dispatcher's own number comes from Settings, so every message sends them there. */
function validateCaller(v: unknown): Result<{ number: PhoneNumber }> {
  if (isBlank(v)) {
    return invalid('caller', {
      'zh-CN': '尚未设置本机号码（您自己的电话，回拨时先呼叫它），请在“设置”中填写',
      en: 'Your own phone number is not set (it is rung first for every call): set it in Settings',
    });
  }
  return validatePhoneField(v, 'caller', { 'zh-CN': '“设置”中的本机号码无法使用', en: 'Your own number in Settings is not usable' });
}

function notAnObject(): Failure {
  return invalid('input', { 'zh-CN': '请求内容缺失或格式错误', en: 'The request is missing or malformed' });
}

/** A callback call: Yunxin rings `caller` (the dispatcher) first, then bridges to `callee`. */
export function validateCallRequest(input: CallRequestInput, range: MaxDurRange): Result<ValidCallRequest> {
  if (typeof input !== 'object' || input === null) return notAnObject();
  const acc = validateCallerAcc(input.callerAcc);
  if (acc) return acc;
  const caller = validateCaller(input.caller);
  if (!caller.ok) return caller;
  const callee = validatePhoneField(input.callee, 'callee');
  if (!callee.ok) return callee;
  if (callee.number === caller.number) {
    return invalid('callee', {
      'zh-CN': `被叫号码 "${quoteValue(input.callee)}" 就是您自己的号码（${caller.number}），请输入对方的号码`,
      en: `"${quoteValue(input.callee)}" is your own number (${caller.number}); enter the number of the person to call`,
    });
  }
  const dur = validateMaxDur(input.maxDur, range);
  if (dur) return dur;
  return success({ callerAcc: input.callerAcc, caller: caller.number, callee: callee.number, maxDur: input.maxDur });
}

/** A conference: Yunxin rings the dispatcher (host) and every callee; at most 8 callees. */
export function validateConfRequest(input: ConfRequestInput, range: MaxDurRange): Result<ValidConfRequest> {
  if (typeof input !== 'object' || input === null) return notAnObject();
  const acc = validateCallerAcc(input.callerAcc);
  if (acc) return acc;
  const caller = validateCaller(input.caller);
  if (!caller.ok) return caller;

  const raw: unknown = input.callees;
  if (!Array.isArray(raw)) {
    return invalid('callees', { 'zh-CN': '与会者必须是号码列表', en: 'The participants must be a list of numbers' });
  }
  if (raw.length === 0) {
    return invalid('callees', { 'zh-CN': '请至少添加一位与会者', en: 'Add at least one participant to the conference' });
  }
  // Counted before the numbers are parsed: a 9th participant is the problem, not its format.
  if (raw.length > MAX_CONFERENCE_CALLEES) {
    return invalid('callees', {
      'zh-CN': `会议最多可邀请 ${MAX_CONFERENCE_CALLEES} 人（不含您自己），当前为 ${raw.length} 人`,
      en: `A conference can have at most ${MAX_CONFERENCE_CALLEES} participants besides you; ${raw.length} were given`,
    });
  }

  const callees: PhoneNumber[] = [];
  // Normalised number → index of its first occurrence, to name both spellings of a duplicate.
  const firstAt = new Map<PhoneNumber, number>();
  for (let i = 0; i < raw.length; i++) {
    const field = `callees[${i}]`;
    const typed: unknown = raw[i];
    const parsed = validatePhoneField(typed, field, { 'zh-CN': `第 ${i + 1} 位与会者`, en: `Participant ${i + 1}` });
    if (!parsed.ok) return parsed;
    const shown = quoteValue(typed as string);
    if (parsed.number === caller.number) {
      return invalid(field, {
        'zh-CN': `与会者 "${shown}" 是您自己的号码（${caller.number}），您作为主持人会自动被呼叫，请将其移除`,
        en: `"${shown}" is your own number (${caller.number}); you are rung automatically as the host, so remove it from the participants`,
      });
    }
    const first = firstAt.get(parsed.number);
    if (first !== undefined) {
      const earlier = quoteValue(raw[first] as string);
      return invalid(field, {
        'zh-CN':
          earlier === shown
            ? `号码 ${parsed.number} 重复出现（第 ${first + 1} 位和第 ${i + 1} 位），请删除一个`
            : `"${earlier}" 与 "${shown}" 是同一个号码（${parsed.number}），请删除其中一个`,
        en:
          earlier === shown
            ? `${parsed.number} is listed twice (participants ${first + 1} and ${i + 1}); remove one`
            : `"${earlier}" and "${shown}" are the same number (${parsed.number}); remove one of them`,
      });
    }
    firstAt.set(parsed.number, i);
    callees.push(parsed.number);
  }

  const dur = validateMaxDur(input.maxDur, range);
  if (dur) return dur;
  return success({ callerAcc: input.callerAcc, caller: caller.number, callees, maxDur: input.maxDur });
}
