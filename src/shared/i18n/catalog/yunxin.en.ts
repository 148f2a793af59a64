/** English twin of yunxin.zh-CN.ts (same keys, same placeholders: the compiler checks). */
export const yunxinEn = {
  'yunxin.code.301': 'Yunxin has banned this app or account (301). The administrator should contact Yunxin support.',
  'yunxin.code.302': 'Yunxin reports wrong credentials (302). The administrator should re-check the AppKey and AppSecret in Settings.',
  'yunxin.code.315':
    "Yunxin refused this computer's IP address (315, IP restriction). The administrator should add the office's public IP to the app's whitelist in the Yunxin console.",
  'yunxin.code.403':
    'Yunxin refused the operation (403, illegal operation or no permission). The administrator should check the AppKey and that the app has the service enabled; to enable it, contact Yunxin sales at 4009-000-123.',
  'yunxin.code.404':
    'Yunxin could not find the object (404), e.g. the session id or the caller account does not exist. Check the caller account in Settings or the session.',
  'yunxin.code.405': 'A parameter is too long (405). Check the phone numbers and the caller account.',
  'yunxin.code.406': 'The object is read-only (406) and cannot be changed.',
  'yunxin.code.408': 'Yunxin timed out handling the request (408). Try again shortly; before redialling, check whether a phone is already ringing.',
  'yunxin.code.413': 'Yunxin verification failed (413). Try again later; if it persists, contact the administrator.',
  'yunxin.code.415': "Yunxin reports a client network problem (415). Check this computer's network and try again.",
  'yunxin.code.416': 'Too many requests (416, rate limit). Wait a minute before trying again.',
  'yunxin.code.417': 'Yunxin treated this as a repeated operation (417). The call may already be in progress: check before trying again.',
  'yunxin.code.418': 'The channel is unavailable (418). Try again later; if it persists, contact Yunxin support.',
  'yunxin.code.419':
    "Quantity over the limit (419), e.g. too many conference members or the app's quota or balance is exhausted. Reduce the number, or ask the administrator to check the Yunxin account.",
  'yunxin.code.422': 'The caller account is disabled (422). The administrator should re-enable it in the Yunxin console or set another account in Settings.',
  'yunxin.code.431': 'Duplicate HTTP request (431). Do not resend; first check whether a phone is already ringing.',
  'yunxin.code.500': 'Yunxin internal server error (500). Try again later; if it persists, contact Yunxin support.',
  'yunxin.code.503': 'The Yunxin server is busy (503). Wait a moment and try again.',
  'yunxin.code.514':
    'The Yunxin service is unavailable (514). Try again later; if it persists, the administrator should confirm the ECP service is enabled (Yunxin sales 4009-000-123).',
  'yunxin.noAuthorization':
    'This app is not allowed to use ECP calls (403 no authorization). The administrator should ask Yunxin sales to enable the ECP (专线电话) service: 4009-000-123.',
  'yunxin.badAppKey':
    'Yunxin does not recognise this AppKey. The administrator should re-enter the AppKey in Settings (Yunxin console → app → App Key management).',
  'yunxin.callerBusy': 'The caller number is already in another call. Hang up that call (or wait for it to end) and try again.',
  'yunxin.http400':
    'The server answered HTTP 400: the request body does not match the URL (wrong endpoint). The administrator should check the API base URL in Settings (default https://api.netease.im).',
  'yunxin.checksum':
    'The AppSecret does not match the AppKey (414 checksum). The administrator should check that the AppSecret belongs to this AppKey (Yunxin console → App Key management) and re-enter it.',
  'yunxin.badHttpHeader':
    'Yunxin rejected the signature headers (414 bad http header: AppKey, Nonce, CurTime, CheckSum). Usually the AppKey is empty or malformed: re-enter it in Settings; if it persists, report a bug.',
  'yunxin.badParam.callerAcc':
    'The caller account (callerAcc) is not registered in this Yunxin app. The administrator should create the accid in the Yunxin console (app → account management → new account; production apps use the create-user server API), then set it in Settings.',
  'yunxin.badParam.callee': 'The callee number(s) were rejected. Check each number (domestic, without +86); a conference takes at most 8.',
  'yunxin.badParam.caller': "The caller number (the dispatcher's own phone) was rejected. Check it in Settings (domestic, without +86).",
  'yunxin.badParam.maxDur': 'The maximum call duration was rejected. Adjust it in Settings.',
  'yunxin.badParam.other': "Yunxin rejected parameter '{param}' (414): {serverText}. Contact the administrator.",
  'yunxin.param414': 'Parameter error (414): {detail}. Contact the administrator.',
  'yunxin.noDetail': 'no detail',
  'yunxin.unknownCode': 'Yunxin answered with unknown code {code}. Note the code and contact the administrator.',
  'yunxin.unknownCodeWithText': 'Yunxin answered with unknown code {code}: {serverText}. Note the code and contact the administrator.',
  'yunxin.withClockNote': '{text} Also: {clock}',

  'yunxin.clock.ahead': "This computer's clock is about {span} ahead of the server (+{skew} s).",
  'yunxin.clock.behind': "This computer's clock is about {span} behind the server ({skew} s).",
  'yunxin.clock.seconds': '{n} seconds',
  'yunxin.clock.minutes': '{n} minutes',
  'yunxin.clock.hours': '{n} hours',
  'yunxin.clock.offUnknown': "This computer's clock differs from Yunxin's by more than 5 minutes.",
  'yunxin.clock.curTimeExpired':
    "The computer's clock is wrong, so Yunxin refused the request (414 CurTime is expired). {off} Turn on automatic time sync (NTP) and check the time zone, then try again.",

  'yunxin.local.join': '{first} {second}',
  'yunxin.local.someServer': 'the server',
  'yunxin.local.maybePlaced':
    'The call may already have been placed: check whether a phone is ringing and look at the history before dialling again (it is never redialled automatically).',
  'yunxin.local.tryAgainShortly': 'You can try again shortly.',
  'yunxin.local.checkNetworkRetry': 'Check the network and try again.',
  'yunxin.local.timeout': 'No complete answer from {host} (timeout). Check the network.',
  'yunxin.local.timeoutWithin': 'No complete answer from {host} within {seconds} s (timeout). Check the network.',
  'yunxin.local.refused': 'Could not connect to {host} (connection refused); nothing was sent. Check the network, the proxy and the API base URL in Settings.',
  'yunxin.local.dns': 'Could not find {host} (DNS lookup failed); nothing was sent. Check the internet connection and the API base URL in Settings.',
  'yunxin.local.tls':
    'The secure connection to {host} failed (certificate or TLS error). An HTTPS-inspecting proxy or a wrong system clock can cause this; contact the administrator.',
  'yunxin.local.connectionLost': 'The connection to {host} broke before an answer arrived.',
  'yunxin.local.nonJson':
    '{host} answered with something that is not a Yunxin answer (probably a proxy or gateway error page). Try again later; if it persists, check the API base URL and the proxy.',
  'yunxin.local.nonJsonHttp':
    '{host} answered HTTP {status} with something that is not a Yunxin answer (probably a proxy or gateway error page). Try again later; if it persists, check the API base URL and the proxy.',
  'yunxin.local.tooLarge': 'The answer from {host} was larger than 64 KiB and was discarded; it is not a Yunxin answer. Check the API base URL and the proxy.',
  'yunxin.local.missingCode': '{host} answered JSON without a Yunxin code. Check the API base URL.',
  'yunxin.local.missingSession':
    'Yunxin accepted the request but returned no session id: a phone may be ringing now. Do not dial again until you have checked; this call cannot be tracked.',
  'yunxin.local.invalidInput': 'Invalid input; nothing was sent.',
  'yunxin.local.invalidInputDetail': 'Invalid input; nothing was sent: {detail}',
  'yunxin.local.unknownAccount':
    'Yunxin knows no caller account "{accid}" in this app. The administrator should create the accid in the Yunxin console (app → account management → new account) or via the create-user API, then set it in Settings.',
  'yunxin.local.notConfigured':
    'The Yunxin account is not set up (AppKey or AppSecret missing); nothing was sent. The administrator should enter it in Settings.',
  'yunxin.local.notConfiguredDetail':
    'The Yunxin account is not set up (AppKey or AppSecret missing); nothing was sent. The administrator should enter it in Settings ({detail}).',
  'yunxin.local.other': 'Local failure ({code}).',
} as const;
