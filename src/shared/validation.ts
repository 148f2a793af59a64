/**
 * Input rules for calls, conferences and settings. The renderer runs them for instant feedback;
 * main runs them again before anything reaches Yunxin, because a bad request can ring a wrong
 * phone. Pure TypeScript: no Node or Electron APIs.
 *
 * Every check takes `unknown` values where it can: main receives its data over IPC and must not
 * trust the TypeScript types of what the renderer sent.
 */
import type { PhoneNumber } from './domain';
import { CALLER_ACC_PATTERN, MAX_CONFERENCE_CALLEES, MAX_DUR_ABSOLUTE_MAX, MAX_DUR_ABSOLUTE_MIN } from './limits';
import { checkConferenceMembers } from './conference-rules';
import { normalizePhone, phoneErrorText, quoteValue, type PhoneKind } from './phone';
import { isExtension } from './phone-extension';
import { msg, type Message, type MessageParam } from './i18n';
import { failWith, success, type Failure, type Result } from './result';

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
  /** By position in `callees`, the extension to ask for ('' for none): never dialled, it only tells two people at one switchboard apart. */
  extensions?: readonly string[];
}
export interface ValidConfRequest {
  callerAcc: string;
  caller: PhoneNumber;
  callees: PhoneNumber[];
  maxDur: number;
  /** Present when a callee has one: by position in `callees`, '' for none. */
  extensions?: string[];
}

export const CALLER_ACC_MAX_LENGTH = 32;

/** The English sentence doubles as `message`, so logs name the bad value too. */
function invalid(field: string, detail: Message): Failure {
  return failWith('invalid_input', detail, { field });
}

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/** A short description of an unexpected value for a message, e.g. `the text "600"` or `NaN`. */
function describe(v: unknown): MessageParam {
  if (typeof v === 'string') return msg('input.describe.text', { text: quoteValue(v) });
  if (typeof v === 'number') return String(v);
  if (v === null) return msg('input.describe.null');
  if (v === undefined) return msg('input.describe.nothing');
  return msg('input.describe.type', { type: typeof v });
}

/** The Yunxin accid that authorises calls: 1–32 of letters, digits, `_ @ . -`. */
export function validateCallerAcc(v: unknown): Failure | null {
  const field = 'callerAcc';
  if (isBlank(v)) {
    return invalid(field, msg('input.callerAcc.missing'));
  }
  if (typeof v !== 'string') {
    return invalid(field, msg('input.callerAcc.notText', { got: describe(v) }));
  }
  // Messages are worded only for a failure: this runs twice on every call placed.
  if (v.length > CALLER_ACC_MAX_LENGTH) {
    return invalid(field, msg('input.callerAcc.tooLong', { value: quoteValue(v), length: v.length, max: CALLER_ACC_MAX_LENGTH }));
  }
  if (!CALLER_ACC_PATTERN.test(v)) {
    return invalid(field, msg('input.callerAcc.badChars', { value: quoteValue(v), chars: badAccChars(v) }));
  }
  return null;
}

/** Names the offending characters, because a space or a full-width letter is easy to miss. */
function badAccChars(v: string): MessageParam {
  const seen = new Set<string>();
  for (const ch of v) {
    if (!/^[A-Za-z0-9_@.-]$/.test(ch)) seen.add(ch);
    if (seen.size >= 3) break;
  }
  const shown: MessageParam[] = [...seen].map((ch) => (/^\s$/u.test(ch) ? msg('input.space') : `"${quoteValue(ch) || '?'}"`));
  return shown.reduceRight((rest, first) => msg('input.charList', { first, rest }));
}

/** maxDur: whole seconds within the range currently allowed by Settings. */
export function validateMaxDur(v: unknown, range: MaxDurRange): Failure | null {
  return checkSeconds(v, range, 'maxDur', () => msg('input.seconds.maxDur'), true);
}

function checkSeconds(
  v: unknown,
  range: MaxDurRange,
  field: string,
  /** The field's name in the message, worded only when there is a message to write. */
  nameOf: () => Message,
  /** Say that the range itself can be changed in Settings. */
  settingsHint = false,
): Failure | null {
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    // Strings are refused rather than parsed: a silently coerced "60.5" or "" would hide a bug.
    return invalid(field, msg('input.seconds.notInteger', { name: nameOf(), got: describe(v) }));
  }
  if (v < range.min || v > range.max) {
    const params = { name: nameOf(), value: v, min: range.min, max: range.max };
    return invalid(field, settingsHint ? msg('input.seconds.outOfRangeSettings', params) : msg('input.seconds.outOfRange', params));
  }
  return null;
}

/** The maxDur range a dispatcher may set: within the absolute bounds of limits.ts, min ≤ max. */
export function validateMaxDurRange(min: unknown, max: unknown): Failure | null {
  const absolute = { min: MAX_DUR_ABSOLUTE_MIN, max: MAX_DUR_ABSOLUTE_MAX };
  const problem =
    checkSeconds(min, absolute, 'maxDurMin', () => msg('input.seconds.rangeMin')) ??
    checkSeconds(max, absolute, 'maxDurMax', () => msg('input.seconds.rangeMax'));
  if (problem) return problem;
  if ((min as number) > (max as number)) {
    return invalid('maxDurMax', msg('input.seconds.inverted', { max: String(max), min: String(min) }));
  }
  return null;
}

/**
 * One number field as typed by the dispatcher. `label` prefixes the sentence when the field needs
 * naming (a conference row); the phone text already quotes the number itself.
 */
export function validatePhoneField(v: unknown, field: string, label?: Message): Result<{ number: PhoneNumber; kind: PhoneKind }> {
  if (typeof v !== 'string') {
    return invalid(field, withLabel(label, msg('input.phone.notText', { got: describe(v) })));
  }
  const parsed = normalizePhone(v);
  if (!parsed.ok) return invalid(field, withLabel(label, phoneErrorText(parsed)));
  return success({ number: parsed.number, kind: parsed.kind });
}

function withLabel(label: Message | undefined, text: Message): Message {
  return label ? msg('input.labelled', { label, text }) : text;
}

/** The dispatcher's own number comes from Settings, so every message sends them there. */
function validateCaller(v: unknown): Result<{ number: PhoneNumber }> {
  if (isBlank(v)) {
    return invalid('caller', msg('input.caller.missing'));
  }
  return validatePhoneField(v, 'caller', msg('input.caller.label'));
}

function notAnObject(): Failure {
  return invalid('input', msg('input.malformed'));
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
    return invalid('callee', msg('input.callee.isOwn', { value: quoteValue(input.callee), own: caller.number }));
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
    return invalid('callees', msg('input.callees.notList'));
  }
  const nonText = raw.findIndex((v) => typeof v !== 'string');
  if (nonText >= 0 && raw.length <= MAX_CONFERENCE_CALLEES) {
    const field = `callees[${nonText}]`;
    return invalid(field, withLabel(msg('input.callees.participant', { n: nonText + 1 }), msg('input.phone.notText', { got: describe(raw[nonText]) })));
  }
  // The conference rules themselves live once, in conference-rules.ts; here they get main's words.
  const given = Array.isArray(input.extensions) ? input.extensions.map((e) => (isExtension(e) ? e : '')) : [];
  const { callees, extensions, problems } = checkConferenceMembers(
    raw.map((v) => (typeof v === 'string' ? v : '')),
    caller.number,
    MAX_CONFERENCE_CALLEES,
    given,
  );
  const problem = problems[0];
  if (problem) {
    switch (problem.code) {
      case 'empty':
        return invalid('callees', msg('input.callees.empty'));
      case 'too_many':
        return invalid('callees', msg('input.callees.tooMany', { max: problem.max, count: problem.count }));
      case 'invalid':
        return invalid(`callees[${problem.index}]`, withLabel(msg('input.callees.participant', { n: problem.index + 1 }), phoneErrorText(problem.phone)));
      case 'own':
        return invalid(`callees[${problem.index}]`, msg('input.callees.isOwn', { value: quoteValue(raw[problem.index] as string), own: caller.number }));
      case 'repeated': {
        const earlier = quoteValue(raw[problem.first] as string);
        const shown = quoteValue(raw[problem.index] as string);
        return invalid(
          `callees[${problem.index}]`,
          earlier === shown
            ? msg('input.callees.repeated', { number: problem.number, first: problem.first + 1, n: problem.index + 1 })
            : msg('input.callees.sameNumber', { earlier, value: shown, number: problem.number }),
        );
      }
    }
  }

  const dur = validateMaxDur(input.maxDur, range);
  if (dur) return dur;
  return success({
    callerAcc: input.callerAcc,
    caller: caller.number,
    callees,
    maxDur: input.maxDur,
    ...(extensions.some((e) => e !== '') ? { extensions } : {}),
  });
}
