import { failure, type Failure } from '../../shared/result';

/** The storage refusals the dispatcher must understand and act on, in both UI languages. */

export function insecureBackendFailure(backend: string): Failure {
  return failure('storage', `Refusing to store the AppSecret with insecure backend "${backend}" without explicit consent.`, {
    text: {
      'zh-CN':
        `本机没有可用的系统密钥环（存储后端：${backend}），AppSecret 只能用公开的固定密钥加密，等同于明文保存。` +
        '请配置系统密钥环（如 GNOME 密钥环或 KWallet）后重启本程序；或者明确勾选“接受明文存储风险”后再保存。',
      en:
        `This computer has no usable system keyring (storage backend: ${backend}), so the AppSecret could only be ` +
        'encrypted with a fixed, publicly known key — effectively stored in plain text. Set up a keyring ' +
        '(e.g. GNOME Keyring or KWallet) and restart the app, or explicitly accept the plain-text risk and save again.',
    },
  });
}

export function encryptionUnavailableFailure(backend: string): Failure {
  return failure('storage', `Secure storage is not available (backend "${backend}"); nothing was saved.`, {
    text: {
      'zh-CN': `系统安全存储当前不可用（存储后端：${backend}），AppSecret 未保存。请确认系统密钥环已解锁后重试。`,
      en: `Secure storage is not available right now (storage backend: ${backend}); the AppSecret was not saved. Make sure the system keyring is unlocked and try again.`,
    },
  });
}

export function encryptionFailedFailure(backend: string): Failure {
  return failure('storage', `Encrypting the AppSecret failed (backend "${backend}"); nothing was saved.`, {
    text: {
      'zh-CN': `AppSecret 加密失败（存储后端：${backend}），未保存。请确认系统密钥环可用后重试。`,
      en: `Encrypting the AppSecret failed (storage backend: ${backend}); nothing was saved. Make sure the system keyring works and try again.`,
    },
  });
}

export function writeFailedFailure(): Failure {
  return failure('storage', 'Writing the credentials file failed; nothing was saved.', {
    text: {
      'zh-CN': '写入凭据文件失败（磁盘已满或无写入权限？），AppSecret 未保存。',
      en: 'Writing the credentials file failed (disk full or no write permission?); the AppSecret was not saved.',
    },
  });
}
