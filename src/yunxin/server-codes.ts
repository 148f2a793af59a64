/**
 * What a Yunxin answer code means for the person in front of the screen. Each entry says what to
 * DO (dispatcher or administrator), because "414" alone helps nobody at 3 a.m.
 * Sources: the vendor ECP page (414 variants, 403, HTTP 400) and the server code table
 * (see /work/shared/docs/yunxin-ecp.md). Texts are kept next to each other so a translator sees
 * both languages at once.
 */
import type { LocalizedText } from '../shared/result';

export const YUNXIN_SALES_PHONE = '4009-000-123';

export function lt(zh: string, en: string): LocalizedText {
  return { 'zh-CN': zh, en };
}

/** Codes from the server code table, with no sub-cases worth distinguishing. */
export const SERVER_CODE_TEXT: Readonly<Record<number, LocalizedText>> = {
  301: lt(
    '云信已封禁此应用或账号(301)。请管理员联系云信客服解封。',
    'Yunxin has banned this app or account (301). The administrator should contact Yunxin support.',
  ),
  302: lt(
    '云信提示用户名或密码错误(302)。请管理员在设置中重新核对 AppKey 和 AppSecret。',
    'Yunxin reports wrong credentials (302). The administrator should re-check the AppKey and AppSecret in Settings.',
  ),
  315: lt(
    '云信拒绝了本机的 IP 地址(315,IP 限制)。请管理员在云信控制台把本办公室的公网 IP 加入白名单。',
    "Yunxin refused this computer's IP address (315, IP restriction). The administrator should add the office's public IP to the app's whitelist in the Yunxin console.",
  ),
  403: lt(
    `云信拒绝了此操作(403,非法操作或没有权限)。请管理员确认 AppKey 正确且应用已开通相应服务;如需开通请联系云信商务 ${YUNXIN_SALES_PHONE}。`,
    `Yunxin refused the operation (403, illegal operation or no permission). The administrator should check the AppKey and that the app has the service enabled; to enable it, contact Yunxin sales at ${YUNXIN_SALES_PHONE}.`,
  ),
  404: lt(
    '云信找不到请求的对象(404),例如会话 ID 或主叫账号不存在。请核对设置中的主叫账号或该通话记录。',
    'Yunxin could not find the object (404), e.g. the session id or the caller account does not exist. Check the caller account in Settings or the session.',
  ),
  405: lt(
    '某个参数过长(405)。请检查号码和主叫账号是否填写正确。',
    'A parameter is too long (405). Check the phone numbers and the caller account.',
  ),
  406: lt('请求的对象为只读(406),无法修改。', 'The object is read-only (406) and cannot be changed.'),
  408: lt(
    '云信处理请求超时(408)。请稍后再试;重拨前先确认电话是否已经在响铃。',
    'Yunxin timed out handling the request (408). Try again shortly; before redialling, check whether a phone is already ringing.',
  ),
  413: lt('云信验证失败(413)。请稍后再试,若持续出现请联系管理员。', 'Yunxin verification failed (413). Try again later; if it persists, contact the administrator.'),
  415: lt(
    '云信报告客户端网络问题(415)。请检查本机网络后重试。',
    "Yunxin reports a client network problem (415). Check this computer's network and try again.",
  ),
  416: lt(
    '请求过于频繁(416,频率控制)。请等待一分钟后再试。',
    'Too many requests (416, rate limit). Wait a minute before trying again.',
  ),
  417: lt(
    '云信认为这是重复操作(417)。电话可能已经在进行中,请先确认再重试。',
    'Yunxin treated this as a repeated operation (417). The call may already be in progress: check before trying again.',
  ),
  418: lt(
    '通道不可用(418)。请稍后再试,若持续出现请联系云信客服。',
    'The channel is unavailable (418). Try again later; if it persists, contact Yunxin support.',
  ),
  419: lt(
    '数量超过上限(419),例如会议人数过多或应用额度/余额用尽。请减少人数,或请管理员检查云信账户额度。',
    "Quantity over the limit (419), e.g. too many conference members or the app's quota or balance is exhausted. Reduce the number, or ask the administrator to check the Yunxin account.",
  ),
  422: lt(
    '主叫账号已被禁用(422)。请管理员在云信控制台解除禁用,或在设置中换一个账号。',
    'The caller account is disabled (422). The administrator should re-enable it in the Yunxin console or set another account in Settings.',
  ),
  431: lt(
    '重复的 HTTP 请求(431)。请不要重发;先确认电话是否已在响铃。',
    'Duplicate HTTP request (431). Do not resend; first check whether a phone is already ringing.',
  ),
  500: lt(
    '云信服务器内部错误(500)。请稍后再试;若持续出现请联系云信客服。',
    'Yunxin internal server error (500). Try again later; if it persists, contact Yunxin support.',
  ),
  503: lt('云信服务器繁忙(503)。请稍等片刻再试。', 'The Yunxin server is busy (503). Wait a moment and try again.'),
  514: lt(
    `云信服务不可用(514)。请稍后再试;若持续出现,请管理员确认专线电话服务已开通(云信商务 ${YUNXIN_SALES_PHONE})。`,
    `The Yunxin service is unavailable (514). Try again later; if it persists, the administrator should confirm the ECP service is enabled (Yunxin sales ${YUNXIN_SALES_PHONE}).`,
  ),
};

export const NO_AUTHORIZATION_TEXT = lt(
  `此应用没有专线电话权限(403 no authorization)。请管理员联系云信商务开通专线电话功能:${YUNXIN_SALES_PHONE}。`,
  `This app is not allowed to use ECP calls (403 no authorization). The administrator should ask Yunxin sales to enable the ECP (专线电话) service: ${YUNXIN_SALES_PHONE}.`,
);

export const BAD_APP_KEY_TEXT = lt(
  '云信不认识这个 AppKey。请管理员在设置中重新填写 AppKey(云信控制台 → 应用 → App Key 管理)。',
  'Yunxin does not recognise this AppKey. The administrator should re-enter the AppKey in Settings (Yunxin console → app → App Key management).',
);

export const CALLER_BUSY_TEXT = lt(
  '主叫号码正在另一通电话中。请先挂断那通电话(或等待其结束)再重试。',
  'The caller number is already in another call. Hang up that call (or wait for it to end) and try again.',
);

export const HTTP_400_TEXT = lt(
  '服务器返回 HTTP 400:请求内容与接口地址不匹配。请管理员检查设置中的接口地址(默认 https://api.netease.im)。',
  'The server answered HTTP 400: the request body does not match the URL (wrong endpoint). The administrator should check the API base URL in Settings (default https://api.netease.im).',
);
