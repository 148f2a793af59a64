/**
 * What a Yunxin answer or a failed request means for the person in front of the screen, Simplified
 * Chinese. Each entry says what to DO, because "414" alone helps nobody at 3 a.m. Used by
 * src/yunxin/errors.ts, local-errors.ts, server-codes.ts and clock-text.ts.
 */
export const yunxinZhCN = {
  'yunxin.code.301': '云信已封禁此应用或账号(301)。请管理员联系云信客服解封。',
  'yunxin.code.302': '云信提示用户名或密码错误(302)。请管理员在设置中重新核对 AppKey 和 AppSecret。',
  'yunxin.code.315': '云信拒绝了本机的 IP 地址(315,IP 限制)。请管理员在云信控制台把本办公室的公网 IP 加入白名单。',
  'yunxin.code.403':
    '云信拒绝了此操作(403,非法操作或没有权限)。请管理员确认 AppKey 正确且应用已开通相应服务;如需开通请联系云信商务 4009-000-123。',
  'yunxin.code.404': '云信找不到请求的对象(404),例如会话 ID 或主叫账号不存在。请核对设置中的主叫账号或该通话记录。',
  'yunxin.code.405': '某个参数过长(405)。请检查号码和主叫账号是否填写正确。',
  'yunxin.code.406': '请求的对象为只读(406),无法修改。',
  'yunxin.code.408': '云信处理请求超时(408)。请稍后再试;重拨前先确认电话是否已经在响铃。',
  'yunxin.code.413': '云信验证失败(413)。请稍后再试,若持续出现请联系管理员。',
  'yunxin.code.415': '云信报告客户端网络问题(415)。请检查本机网络后重试。',
  'yunxin.code.416': '请求过于频繁(416,频率控制)。请等待一分钟后再试。',
  'yunxin.code.417': '云信认为这是重复操作(417)。电话可能已经在进行中,请先确认再重试。',
  'yunxin.code.418': '通道不可用(418)。请稍后再试,若持续出现请联系云信客服。',
  'yunxin.code.419': '数量超过上限(419),例如会议人数过多或应用额度/余额用尽。请减少人数,或请管理员检查云信账户额度。',
  'yunxin.code.422': '主叫账号已被禁用(422)。请管理员在云信控制台解除禁用,或在设置中换一个账号。',
  'yunxin.code.431': '重复的 HTTP 请求(431)。请不要重发;先确认电话是否已在响铃。',
  'yunxin.code.500': '云信服务器内部错误(500)。请稍后再试;若持续出现请联系云信客服。',
  'yunxin.code.503': '云信服务器繁忙(503)。请稍等片刻再试。',
  'yunxin.code.514': '云信服务不可用(514)。请稍后再试;若持续出现,请管理员确认专线电话服务已开通(云信商务 4009-000-123)。',
  'yunxin.noAuthorization': '此应用没有专线电话权限(403 no authorization)。请管理员联系云信商务开通专线电话功能:4009-000-123。',
  'yunxin.badAppKey': '云信不认识这个 AppKey。请管理员在设置中重新填写 AppKey(云信控制台 → 应用 → App Key 管理)。',
  'yunxin.callerBusy': '主叫号码正在另一通电话中。请先挂断那通电话(或等待其结束)再重试。',
  'yunxin.http400': '服务器返回 HTTP 400:请求内容与接口地址不匹配。请管理员检查设置中的接口地址(默认 https://api.netease.im)。',
  'yunxin.checksum':
    'AppSecret 与 AppKey 不匹配(414 checksum)。请管理员确认所填 AppSecret 属于这个 AppKey(云信控制台 → App Key 管理),重新填写后再试。',
  'yunxin.badHttpHeader':
    '云信拒绝了签名请求头(414 bad http header:AppKey、Nonce、CurTime、CheckSum)。通常是 AppKey 为空或格式不对,请在设置中重新填写;若仍出现请报告问题。',
  'yunxin.badParam.callerAcc':
    '主叫账号(callerAcc)未在此云信应用中注册。请管理员在云信控制台创建该账号(应用 → 账号管理 → 新建账号,正式应用用服务器 API 创建),再在设置中填写。',
  'yunxin.badParam.callee': '被叫号码被拒绝。请检查每个号码(国内号码,不带 +86),会议最多 8 人。',
  'yunxin.badParam.caller': '主叫号码(调度员自己的电话)被拒绝。请在设置中检查本机号码(国内号码,不带 +86)。',
  'yunxin.badParam.maxDur': '最长通话时长被拒绝。请在设置中调整最长通话时长。',
  'yunxin.badParam.other': "参数 '{param}' 被云信拒绝(414):{serverText}。请联系管理员。",
  'yunxin.param414': '参数错误(414):{detail}。请联系管理员。',
  'yunxin.noDetail': '无说明',
  'yunxin.unknownCode': '云信返回了未知代码 {code}。请记下此代码并联系管理员。',
  'yunxin.unknownCodeWithText': '云信返回了未知代码 {code}:{serverText}。请记下此代码并联系管理员。',
  'yunxin.withClockNote': '{text} 另外:{clock}',

  'yunxin.clock.ahead': '本机时钟快了约 {span}(+{skew} 秒)。',
  'yunxin.clock.behind': '本机时钟慢了约 {span}({skew} 秒)。',
  'yunxin.clock.seconds': '{n} 秒',
  'yunxin.clock.minutes': '{n} 分钟',
  'yunxin.clock.hours': '{n} 小时',
  'yunxin.clock.offUnknown': '本机时钟与云信服务器相差超过 5 分钟。',
  'yunxin.clock.curTimeExpired': '本机时钟不准,云信拒绝了请求(414 CurTime is expired)。{off}请把系统时间设为自动同步(NTP)并确认时区正确,然后重试。',

  'yunxin.local.join': '{first}{second}',
  'yunxin.local.someServer': '服务器',
  'yunxin.local.maybePlaced': '电话可能已经拨出:请先看看电话是否在响、查看通话记录,再决定是否重拨(系统不会自动重拨)。',
  'yunxin.local.tryAgainShortly': '可以稍后重试。',
  'yunxin.local.checkNetworkRetry': '请检查网络后重试。',
  'yunxin.local.timeout': '没有收到 {host} 的完整答复(超时)。请检查网络。',
  'yunxin.local.timeoutWithin': '{seconds} 秒内没有收到 {host} 的完整答复(超时)。请检查网络。',
  'yunxin.local.refused': '无法连接 {host}(连接被拒绝),请求没有发出。请检查网络、代理以及设置中的接口地址。',
  'yunxin.local.dns': '找不到服务器 {host}(域名解析失败),请求没有发出。请检查网络连接和设置中的接口地址。',
  'yunxin.local.tls': '与 {host} 的安全连接失败(证书或 TLS 错误)。拦截 HTTPS 的代理或不准的系统时钟都会导致此问题,请联系管理员。',
  'yunxin.local.connectionLost': '与 {host} 的连接在收到答复前中断。',
  'yunxin.local.nonJson': '{host} 返回了非云信格式的内容(多半是代理或网关的错误页)。请稍后再试;若持续出现,请检查接口地址和代理。',
  'yunxin.local.nonJsonHttp':
    '{host} 返回了 HTTP {status} 非云信格式的内容(多半是代理或网关的错误页)。请稍后再试;若持续出现,请检查接口地址和代理。',
  'yunxin.local.tooLarge': '{host} 的答复超过 64 KiB,已丢弃;这不是云信的答复。请检查接口地址和代理。',
  'yunxin.local.missingCode': '{host} 返回的 JSON 没有云信的 code 字段。请检查接口地址。',
  'yunxin.local.missingSession': '云信接受了请求,但没有返回会话 ID:电话可能正在响。确认之前请不要重拨;这通电话无法跟踪状态。',
  'yunxin.local.invalidInput': '输入有误,请求没有发出。',
  'yunxin.local.invalidInputDetail': '输入有误,请求没有发出:{detail}',
  'yunxin.local.unknownAccount':
    '此云信应用中没有主叫账号 "{accid}"。请管理员在云信控制台(应用 → 账号管理 → 新建账号)或用创建用户的服务器 API 创建该账号,再在设置中填写。',
  'yunxin.local.notConfigured': '尚未配置云信账号(缺少 AppKey 或 AppSecret),请求没有发出。请管理员在设置中填写。',
  'yunxin.local.notConfiguredDetail': '尚未配置云信账号(缺少 AppKey 或 AppSecret),请求没有发出。请管理员在设置中填写({detail})。',
  'yunxin.local.other': '本地错误({code})。',
} as const;
