/**
 * Turns "what went wrong" into an actionable explanation (a catalog message with parameters),
 * plus a safe English `message` for logs. Pure: the client, the account check, the simulator's tests and
 * the UI can all call it with the same facts and get the same words.
 */
import { formatMessage, msg, type Message } from '../shared/i18n';
import type { Failure, FailureCode } from '../shared/result';
import { failure } from '../shared/result';
import { clockOffText, curTimeExpiredText } from './clock-text';
import { localText, type LocalReason } from './local-errors';
import { SERVER_CODE_KEYS } from './server-codes';

export type { LocalReason } from './local-errors';

export interface FailureFacts {
  code: FailureCode;
  /** Refines a local failure (which network error, why the answer was unusable). */
  reason?: LocalReason;
  /** `desc` or `msg` from the server, already scrubbed of secrets. */
  serverText?: string;
  httpStatus?: number;
  clockSkewSeconds?: number;
  /** Host name only (never a URL: a URL may carry credentials). */
  host?: string;
  timeoutMs?: number;
  /** The request rings phones (start*): uncertain outcomes must warn against blind redialling. */
  ringsPhones?: boolean;
  /** Extra English detail for local failures (e.g. which input was wrong). */
  detail?: string;
}

export interface Explanation {
  /** English, for logs. */
  message: string;
  /** What happened and what to do, as a catalog message. */
  detail: Message;
}

export type ServerAnswerKind =
  | { kind: 'caller_busy' }
  | { kind: 'curtime_expired' }
  | { kind: 'checksum' }
  | { kind: 'bad_http_header' }
  | { kind: 'bad_app_key' }
  | { kind: 'bad_param'; param: string }
  | { kind: 'no_authorization' }
  | { kind: 'http_400' }
  | { kind: 'known_code' }
  | { kind: 'unknown' };

/**
 * Order matters: the busy and clock messages are more specific than their code, and an
 * AppKey complaint can come with 403 or 414.
 */
export function classifyServerAnswer(code: number, serverText = ''): ServerAnswerKind {
  const t = serverText;
  if (/in another conversation|正在通话|占线/i.test(t)) return { kind: 'caller_busy' };
  if (/curtime.*expire/i.test(t)) return { kind: 'curtime_expired' };
  if (code === 414 && /checksum/i.test(t)) return { kind: 'checksum' };
  if (/bad http header/i.test(t)) return { kind: 'bad_http_header' };
  if (/app\s*key/i.test(t)) return { kind: 'bad_app_key' };
  const param = /bad param\w*\s*['"‘’]?([A-Za-z_][A-Za-z0-9_]*)/i.exec(t);
  if (param) return { kind: 'bad_param', param: param[1] };
  if (code === 403 && /no authori[sz]ation/i.test(t)) return { kind: 'no_authorization' };
  if (code === 400) return { kind: 'http_400' };
  if (SERVER_CODE_KEYS[code] || code === 414) return { kind: 'known_code' };
  return { kind: 'unknown' };
}

function badParamText(param: string, serverText: string): Message {
  switch (param.toLowerCase()) {
    case 'calleracc':
    case 'accids':
    case 'accid':
      return msg('yunxin.badParam.callerAcc');
    case 'callee':
      return msg('yunxin.badParam.callee');
    case 'caller':
      return msg('yunxin.badParam.caller');
    case 'maxdur':
      return msg('yunxin.badParam.maxDur');
    default:
      return msg('yunxin.badParam.other', { param, serverText });
  }
}

function serverAnswerText(code: number, serverText: string, skew: number | undefined): Message {
  const k = classifyServerAnswer(code, serverText);
  switch (k.kind) {
    case 'caller_busy':
      return msg('yunxin.callerBusy');
    case 'curtime_expired':
      return curTimeExpiredText(skew);
    case 'checksum':
      return msg('yunxin.checksum');
    case 'bad_http_header':
      return msg('yunxin.badHttpHeader');
    case 'bad_app_key':
      return msg('yunxin.badAppKey');
    case 'bad_param':
      return badParamText(k.param, serverText);
    case 'no_authorization':
      return msg('yunxin.noAuthorization');
    case 'http_400':
      return msg('yunxin.http400');
    case 'known_code':
      if (code === 414) return msg('yunxin.param414', { detail: serverText || msg('yunxin.noDetail') });
      return { key: SERVER_CODE_KEYS[code] };
    case 'unknown':
      return serverText ? msg('yunxin.unknownCodeWithText', { code, serverText }) : msg('yunxin.unknownCode', { code });
  }
}

function withSkewNote(text: Message, skew: number | undefined): Message {
  if (skew === undefined) return text;
  return msg('yunxin.withClockNote', { text, clock: clockOffText(skew) });
}

export function explainFailure(facts: FailureFacts): Explanation {
  const skew = facts.clockSkewSeconds;
  if (typeof facts.code === 'number') {
    const serverText = facts.serverText ?? '';
    const base = serverAnswerText(facts.code, serverText, skew);
    const expired = classifyServerAnswer(facts.code, serverText).kind === 'curtime_expired';
    const detail = expired ? base : withSkewNote(base, skew);
    const http = facts.httpStatus !== undefined && facts.httpStatus !== 200 ? ` (HTTP ${facts.httpStatus})` : '';
    const quoted = serverText ? ` "${serverText}"` : '';
    return { message: `Yunxin ${facts.code}${quoted}${http}: ${formatMessage('en', detail)}`, detail };
  }
  const detail = withSkewNote(localText(facts), skew);
  return { message: `${facts.code}${facts.reason ? `/${facts.reason}` : ''}: ${formatMessage('en', detail)}`, detail };
}

/** A complete Failure envelope for these facts. */
export function toFailure(facts: FailureFacts): Failure {
  const { message, detail } = explainFailure(facts);
  const extra: Omit<Failure, 'ok' | 'code' | 'message'> = { detail };
  if (facts.httpStatus !== undefined) extra.httpStatus = facts.httpStatus;
  if (facts.clockSkewSeconds !== undefined) extra.clockSkewSeconds = facts.clockSkewSeconds;
  return failure(facts.code, message, extra);
}
