/**
 * Explanations for failures where no usable Yunxin answer came back. The key distinction for a
 * dispatcher: "nothing was sent" (safe to try again) versus "it may have been placed" (a phone
 * may be ringing; redialling could ring it twice).
 */
import { msg, type Message } from '../shared/i18n';
import type { FailureCode } from '../shared/result';

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
  /** getUinfos answered 200 but does not list the callerAcc (detail = the accid): code `not_found`, since a request was sent (`invalid_input` means nothing was). */
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

function join(first: Message, second?: Message): Message {
  return second ? msg('yunxin.local.join', { first, second }) : first;
}

export function localText(f: LocalFacts): Message {
  const host: Message | string = f.host ?? msg('yunxin.local.someServer');
  const maybePlaced = f.ringsPhones ? msg('yunxin.local.maybePlaced') : undefined;
  switch (f.reason ?? f.code) {
    case 'timeout': {
      const seconds = f.timeoutMs !== undefined ? Math.round(f.timeoutMs / 100) / 10 : undefined;
      const what = seconds !== undefined ? msg('yunxin.local.timeoutWithin', { host, seconds }) : msg('yunxin.local.timeout', { host });
      return join(what, maybePlaced ?? msg('yunxin.local.tryAgainShortly'));
    }
    case 'refused':
      return msg('yunxin.local.refused', { host });
    case 'dns':
      return msg('yunxin.local.dns', { host });
    case 'tls':
      return msg('yunxin.local.tls', { host });
    case 'connection_lost':
    case 'network':
      return join(msg('yunxin.local.connectionLost', { host }), maybePlaced ?? msg('yunxin.local.checkNetworkRetry'));
    case 'non_json':
      if (f.httpStatus === 400) return msg('yunxin.http400');
      return join(
        f.httpStatus !== undefined ? msg('yunxin.local.nonJsonHttp', { host, status: f.httpStatus }) : msg('yunxin.local.nonJson', { host }),
        maybePlaced,
      );
    case 'too_large':
      return join(msg('yunxin.local.tooLarge', { host }), maybePlaced);
    case 'missing_code':
      return join(msg('yunxin.local.missingCode', { host }), maybePlaced);
    case 'missing_session':
      return msg('yunxin.local.missingSession');
    case 'invalid_input':
      return f.detail ? msg('yunxin.local.invalidInputDetail', { detail: f.detail }) : msg('yunxin.local.invalidInput');
    case 'unknown_account':
      return msg('yunxin.local.unknownAccount', { accid: f.detail ?? '' });
    case 'not_configured':
      return f.detail ? msg('yunxin.local.notConfiguredDetail', { detail: f.detail }) : msg('yunxin.local.notConfigured');
    default:
      return msg('yunxin.local.other', { code: String(f.code) });
  }
}
