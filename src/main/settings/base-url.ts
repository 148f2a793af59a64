import { failure, type Failure } from '../../shared/result';
import { checkApiBaseUrl, type ApiHostPolicy } from '../../yunxin/api-host';

/**
 * The API base URL must be one of the vendor's https hosts (src/yunxin/api-host.ts): signed
 * headers are replayable against any API of the AppKey for five minutes, so whoever receives them
 * must be the vendor. Loopback (a local simulator) only where `policy.allowLoopback` says so.
 */
export function validateBaseUrl(value: string, policy: ApiHostPolicy = {}): Failure | null {
  return checkApiBaseUrl(value, policy).ok ? null : bad(value);
}

function bad(value: string): Failure {
  const shown = value.slice(0, 80);
  return failure('invalid_input', `Base URL "${shown}" is not allowed: it must be an https:// address of the Yunxin API (*.netease.im).`, {
    field: 'baseUrl',
    text: {
      'zh-CN': `接口地址"${shown}"不被允许：必须是云信接口的 https:// 地址（*.netease.im）。`,
      en: `Base URL "${shown}" is not allowed: it must be an https:// address of the Yunxin API (*.netease.im).`,
    },
  });
}

/** settingsSet may not move the signed requests elsewhere: a new host comes with the AppSecret, in accountSave. */
export function hostChangeNeedsSecret(): Failure {
  const en = 'The API address can only be changed together with the AppSecret: enter both under Account and save.';
  return failure('invalid_input', en, {
    field: 'baseUrl',
    text: { 'zh-CN': '接口地址只能与 AppSecret 一同修改：请在“云信账号”中同时填写后保存。', en },
  });
}
