/**
 * Explanations for failures where no usable Yunxin answer came back. The key distinction for a
 * dispatcher: "nothing was sent" (safe to try again) versus "it may have been placed" (a phone
 * may be ringing; redialling could ring it twice).
 */
import type { FailureCode, LocalizedText } from '../shared/result';
import { HTTP_400_TEXT, lt } from './server-codes';

export type LocalReason =
  | 'timeout'
  | 'refused'
  | 'dns'
  | 'tls'
  | 'connection_lost'
  | 'non_json'
  | 'too_large'
  | 'missing_code'
  | 'missing_session'
  | 'invalid_input'
  /** getUinfos answered 200 but does not list the callerAcc (detail = the accid). */
  | 'unknown_account';

interface LocalFacts {
  code: FailureCode;
  reason?: LocalReason;
  httpStatus?: number;
  host?: string;
  timeoutMs?: number;
  ringsPhones?: boolean;
  detail?: string;
}

const MAYBE_PLACED = lt(
  '电话可能已经拨出:请先看看电话是否在响、查看通话记录,再决定是否重拨(系统不会自动重拨)。',
  'The call may already have been placed: check whether a phone is ringing and look at the history before dialling again (it is never redialled automatically).',
);

function join(a: LocalizedText, b?: LocalizedText): LocalizedText {
  return b ? lt(`${a['zh-CN']}${b['zh-CN']}`, `${a.en} ${b.en}`) : a;
}

export function localText(f: LocalFacts): LocalizedText {
  const host = f.host ?? 'the server';
  const hostZh = f.host ?? '服务器';
  const maybePlaced = f.ringsPhones ? MAYBE_PLACED : undefined;
  const http = f.httpStatus !== undefined ? ` HTTP ${f.httpStatus}` : '';
  switch (f.reason ?? f.code) {
    case 'timeout': {
      const s = f.timeoutMs !== undefined ? Math.round(f.timeoutMs / 100) / 10 : undefined;
      const within = s !== undefined ? { zh: `${s} 秒内`, en: ` within ${s} s` } : { zh: '', en: '' };
      return join(
        lt(`${within.zh}没有收到 ${hostZh} 的完整答复(超时)。请检查网络。`, `No complete answer from ${host}${within.en} (timeout). Check the network.`),
        maybePlaced ?? lt('可以稍后重试。', 'You can try again shortly.'),
      );
    }
    case 'refused':
      return lt(
        `无法连接 ${hostZh}(连接被拒绝),请求没有发出。请检查网络、代理以及设置中的接口地址。`,
        `Could not connect to ${host} (connection refused); nothing was sent. Check the network, the proxy and the API base URL in Settings.`,
      );
    case 'dns':
      return lt(
        `找不到服务器 ${hostZh}(域名解析失败),请求没有发出。请检查网络连接和设置中的接口地址。`,
        `Could not find ${host} (DNS lookup failed); nothing was sent. Check the internet connection and the API base URL in Settings.`,
      );
    case 'tls':
      return lt(
        `与 ${hostZh} 的安全连接失败(证书或 TLS 错误)。拦截 HTTPS 的代理或不准的系统时钟都会导致此问题,请联系管理员。`,
        `The secure connection to ${host} failed (certificate or TLS error). An HTTPS-inspecting proxy or a wrong system clock can cause this; contact the administrator.`,
      );
    case 'connection_lost':
    case 'network':
      return join(
        lt(`与 ${hostZh} 的连接在收到答复前中断。`, `The connection to ${host} broke before an answer arrived.`),
        maybePlaced ?? lt('请检查网络后重试。', 'Check the network and try again.'),
      );
    case 'non_json':
      if (f.httpStatus === 400) return HTTP_400_TEXT;
      return join(
        lt(
          `${hostZh} 返回了${http}非云信格式的内容(多半是代理或网关的错误页)。请稍后再试;若持续出现,请检查接口地址和代理。`,
          `${host} answered${http} with something that is not a Yunxin answer (probably a proxy or gateway error page). Try again later; if it persists, check the API base URL and the proxy.`,
        ),
        maybePlaced,
      );
    case 'too_large':
      return join(
        lt(
          `${hostZh} 的答复超过 64 KiB,已丢弃;这不是云信的答复。请检查接口地址和代理。`,
          `The answer from ${host} was larger than 64 KiB and was discarded; it is not a Yunxin answer. Check the API base URL and the proxy.`,
        ),
        maybePlaced,
      );
    case 'missing_code':
      return join(
        lt(`${hostZh} 返回的 JSON 没有云信的 code 字段。请检查接口地址。`, `${host} answered JSON without a Yunxin code. Check the API base URL.`),
        maybePlaced,
      );
    case 'missing_session':
      return lt(
        '云信接受了请求,但没有返回会话 ID:电话可能正在响。确认之前请不要重拨;这通电话无法跟踪状态。',
        'Yunxin accepted the request but returned no session id: a phone may be ringing now. Do not dial again until you have checked; this call cannot be tracked.',
      );
    case 'invalid_input':
      return lt(
        `输入有误,请求没有发出${f.detail ? `:${f.detail}` : '。'}`,
        `Invalid input; nothing was sent${f.detail ? `: ${f.detail}` : '.'}`,
      );
    case 'unknown_account':
      return lt(
        `此云信应用中没有主叫账号 "${f.detail ?? ''}"。请管理员在云信控制台(应用 → 账号管理 → 新建账号)或用创建用户的服务器 API 创建该账号,再在设置中填写。`,
        `Yunxin knows no caller account "${f.detail ?? ''}" in this app. The administrator should create the accid in the Yunxin console (app → account management → new account) or via the create-user API, then set it in Settings.`,
      );
    case 'not_configured':
      return lt(
        `尚未配置云信账号(缺少 AppKey 或 AppSecret),请求没有发出。请管理员在设置中填写${f.detail ? `(${f.detail})` : ''}。`,
        `The Yunxin account is not set up (AppKey or AppSecret missing); nothing was sent. The administrator should enter it in Settings${f.detail ? ` (${f.detail})` : ''}.`,
      );
    default:
      return lt(`本地错误(${String(f.code)})。`, `Local failure (${String(f.code)}).`);
  }
}
