/**
 * Wording for a wrong PC clock. The server refuses any CheckSum whose CurTime is more than five
 * minutes off, so a wrong clock fails EVERY call; the dispatcher must be told how far off it is
 * and in which direction, otherwise "fix your clock" is not actionable.
 */
import { msg, type Message } from '../shared/i18n';

function span(seconds: number): Message {
  const abs = Math.abs(seconds);
  if (abs < 120) return msg('yunxin.clock.seconds', { n: abs });
  if (abs < 7200) return msg('yunxin.clock.minutes', { n: Math.round(abs / 60) });
  return msg('yunxin.clock.hours', { n: Math.round(abs / 360) / 10 });
}

/** "Your clock is about 7 minutes ahead" — skew is local minus server, in seconds. */
export function clockOffText(skewSeconds: number): Message {
  return skewSeconds > 0
    ? msg('yunxin.clock.ahead', { span: span(skewSeconds), skew: skewSeconds })
    : msg('yunxin.clock.behind', { span: span(skewSeconds), skew: skewSeconds });
}

export function curTimeExpiredText(skewSeconds: number | undefined): Message {
  const off = skewSeconds === undefined ? msg('yunxin.clock.offUnknown') : clockOffText(skewSeconds);
  return msg('yunxin.clock.curTimeExpired', { off });
}
