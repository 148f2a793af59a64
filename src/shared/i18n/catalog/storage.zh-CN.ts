/**
 * Failures of main's own machinery, Simplified Chinese: data files, the credential vault, the IPC
 * entry, the call service. (Yunxin's answers are in yunxin.*, input problems in input.*.)
 */
export const storageZhCN = {
  'storage.writeFailed': '无法写入数据文件（磁盘已满或没有权限？），本次更改未保存。',
  'vault.insecureBackend':
    '本机没有可用的系统密钥环（存储后端：{backend}），AppSecret 只能用公开的固定密钥加密，等同于明文保存。请配置系统密钥环（如 GNOME 密钥环或 KWallet）后重启本程序；或者明确勾选“接受明文存储风险”后再保存。',
  'vault.unavailable': '系统安全存储当前不可用（存储后端：{backend}），AppSecret 未保存。请确认系统密钥环已解锁后重试。',
  'vault.encryptFailed': 'AppSecret 加密失败（存储后端：{backend}），未保存。请确认系统密钥环可用后重试。',
  'vault.writeFailed': '写入凭据文件失败（磁盘已满或无写入权限？），AppSecret 未保存。',
  'vault.appKeyFormat': 'AppKey 须为 1–64 位字母或数字。',
  'vault.appSecretFormat': 'AppSecret 须为 1–128 位可打印 ASCII 字符，不含空格。',
  'ipc.forbiddenSender': '请求被拒绝：并非来自本应用窗口。',
  'ipc.unknownOperation': '未知的操作。',
  'ipc.invalidRequest': '请求内容无效（{detail}）。',
  'ipc.internal': '内部错误，请求未完成。',
  'callRule.notConfigured': '尚未配置正式账号：请在“设置”中填写 AppKey 和 AppSecret，或切换到沙箱模式。',
  'callRule.inFlight': '同一呼叫正在提交，请勿重复点击。',
  'callRule.repeatedCall': '刚刚已提交过相同的呼叫，本次未重复发送。如确需再次发起，请 {seconds} 秒后重试。',
  'callRule.repeatedConf': '刚刚已提交过相同的会议，本次未重复发送。如确需再次发起，请 {seconds} 秒后重试。',
} as const;
