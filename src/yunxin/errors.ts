/**
 * Turns "what went wrong" into an actionable explanation in every UI language, plus a safe
 * English `message` for logs. Pure: the client, the account check, the simulator's tests and
 * the UI can all call it with the same facts and get the same words.
 */
import type { Failure, FailureCode, LocalizedText } from '../shared/result';
import { failure } from '../shared/result';
import { clockOffText, curTimeExpiredText } from './clock-text';
import { localText, type LocalReason } from './local-errors';
import {
  BAD_APP_KEY_TEXT,
  CALLER_BUSY_TEXT,
  HTTP_400_TEXT,
  NO_AUTHORIZATION_TEXT,
  SERVER_CODE_TEXT,
  lt,
} from './server-codes';

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
  message: string;
  text: LocalizedText;
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
  if (SERVER_CODE_TEXT[code] || code === 414) return { kind: 'known_code' };
  return { kind: 'unknown' };
}

function badParamText(param: string, serverText: string): LocalizedText {
  switch (param.toLowerCase()) {
    case 'calleracc':
    case 'accids':
    case 'accid':
      return lt(
        '主叫账号(callerAcc)未在此云信应用中注册。请管理员在云信控制台创建该账号(应用 → 账号管理 → 新建账号,正式应用用服务器 API 创建),再在设置中填写。',
        'The caller account (callerAcc) is not registered in this Yunxin app. The administrator should create the accid in the Yunxin console (app → account management → new account; production apps use the create-user server API), then set it in Settings.',
      );
    case 'callee':
      return lt(
        '被叫号码被拒绝。请检查每个号码(国内号码,不带 +86),会议最多 8 人。',
        'The callee number(s) were rejected. Check each number (domestic, without +86); a conference takes at most 8.',
      );
    case 'caller':
      return lt(
        '主叫号码(调度员自己的电话)被拒绝。请在设置中检查本机号码(国内号码,不带 +86)。',
        "The caller number (the dispatcher's own phone) was rejected. Check it in Settings (domestic, without +86).",
      );
    case 'maxdur':
      return lt('最长通话时长被拒绝。请在设置中调整最长通话时长。', 'The maximum call duration was rejected. Adjust it in Settings.');
    default:
      return lt(
        `参数 '${param}' 被云信拒绝(414):${serverText}。请联系管理员。`,
        `Yunxin rejected parameter '${param}' (414): ${serverText}. Contact the administrator.`,
      );
  }
}

function serverAnswerText(code: number, serverText: string, skew: number | undefined): LocalizedText {
  const k = classifyServerAnswer(code, serverText);
  switch (k.kind) {
    case 'caller_busy':
      return CALLER_BUSY_TEXT;
    case 'curtime_expired':
      return curTimeExpiredText(skew);
    case 'checksum':
      return lt(
        'AppSecret 与 AppKey 不匹配(414 checksum)。请管理员确认所填 AppSecret 属于这个 AppKey(云信控制台 → App Key 管理),重新填写后再试。',
        'The AppSecret does not match the AppKey (414 checksum). The administrator should check that the AppSecret belongs to this AppKey (Yunxin console → App Key management) and re-enter it.',
      );
    case 'bad_http_header':
      return lt(
        '云信拒绝了签名请求头(414 bad http header:AppKey、Nonce、CurTime、CheckSum)。通常是 AppKey 为空或格式不对,请在设置中重新填写;若仍出现请报告问题。',
        'Yunxin rejected the signature headers (414 bad http header: AppKey, Nonce, CurTime, CheckSum). Usually the AppKey is empty or malformed: re-enter it in Settings; if it persists, report a bug.',
      );
    case 'bad_app_key':
      return BAD_APP_KEY_TEXT;
    case 'bad_param':
      return badParamText(k.param, serverText);
    case 'no_authorization':
      return NO_AUTHORIZATION_TEXT;
    case 'http_400':
      return HTTP_400_TEXT;
    case 'known_code':
      if (code === 414) {
        return lt(`参数错误(414):${serverText || '无说明'}。请联系管理员。`, `Parameter error (414): ${serverText || 'no detail'}. Contact the administrator.`);
      }
      return SERVER_CODE_TEXT[code];
    case 'unknown':
      return lt(
        `云信返回了未知代码 ${code}${serverText ? `:${serverText}` : ''}。请记下此代码并联系管理员。`,
        `Yunxin answered with unknown code ${code}${serverText ? `: ${serverText}` : ''}. Note the code and contact the administrator.`,
      );
  }
}

function withSkewNote(text: LocalizedText, skew: number | undefined): LocalizedText {
  if (skew === undefined) return text;
  const off = clockOffText(skew);
  return lt(`${text['zh-CN']} 另外:${off['zh-CN']}`, `${text.en} Also: ${off.en}`);
}

export function explainFailure(facts: FailureFacts): Explanation {
  const skew = facts.clockSkewSeconds;
  if (typeof facts.code === 'number') {
    const serverText = facts.serverText ?? '';
    const base = serverAnswerText(facts.code, serverText, skew);
    const expired = classifyServerAnswer(facts.code, serverText).kind === 'curtime_expired';
    const text = expired ? base : withSkewNote(base, skew);
    const http = facts.httpStatus !== undefined && facts.httpStatus !== 200 ? ` (HTTP ${facts.httpStatus})` : '';
    const quoted = serverText ? ` "${serverText}"` : '';
    return { message: `Yunxin ${facts.code}${quoted}${http}: ${text.en}`, text };
  }
  const text = withSkewNote(localText(facts), skew);
  return { message: `${facts.code}${facts.reason ? `/${facts.reason}` : ''}: ${text.en}`, text };
}

/** A complete Failure envelope for these facts. */
export function toFailure(facts: FailureFacts): Failure {
  const { message, text } = explainFailure(facts);
  const extra: Omit<Failure, 'ok' | 'code' | 'message'> = { text };
  if (facts.httpStatus !== undefined) extra.httpStatus = facts.httpStatus;
  if (facts.clockSkewSeconds !== undefined) extra.clockSkewSeconds = facts.clockSkewSeconds;
  return failure(facts.code, message, extra);
}
