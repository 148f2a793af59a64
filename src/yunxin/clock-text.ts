/**
 * Wording for a wrong PC clock. The server refuses any CheckSum whose CurTime is more than five
 * minutes off, so a wrong clock fails EVERY call; the dispatcher must be told how far off it is
 * and in which direction, otherwise "fix your clock" is not actionable.
 */
import type { LocalizedText } from '../shared/result';
import { lt } from './server-codes';

function span(seconds: number): { zh: string; en: string } {
  const abs = Math.abs(seconds);
  if (abs < 120) return { zh: `${abs} 秒`, en: `${abs} seconds` };
  if (abs < 7200) {
    const m = Math.round(abs / 60);
    return { zh: `${m} 分钟`, en: `${m} minutes` };
  }
  const h = Math.round(abs / 360) / 10;
  return { zh: `${h} 小时`, en: `${h} hours` };
}

/** "Your clock is about 7 minutes ahead" — skew is local minus server, in seconds. */
export function clockOffText(skewSeconds: number): LocalizedText {
  const s = span(skewSeconds);
  const ahead = skewSeconds > 0;
  return lt(
    `本机时钟${ahead ? '快' : '慢'}了约 ${s.zh}(${skewSeconds > 0 ? '+' : ''}${skewSeconds} 秒)。`,
    `This computer's clock is about ${s.en} ${ahead ? 'ahead of' : 'behind'} the server (${skewSeconds > 0 ? '+' : ''}${skewSeconds} s).`,
  );
}

export function curTimeExpiredText(skewSeconds: number | undefined): LocalizedText {
  const fix = lt(
    '请把系统时间设为自动同步(NTP)并确认时区正确,然后重试。',
    'Turn on automatic time sync (NTP) and check the time zone, then try again.',
  );
  const off =
    skewSeconds === undefined
      ? lt('本机时钟与云信服务器相差超过 5 分钟。', "This computer's clock differs from Yunxin's by more than 5 minutes.")
      : clockOffText(skewSeconds);
  return lt(
    `本机时钟不准,云信拒绝了请求(414 CurTime is expired)。${off['zh-CN']}${fix['zh-CN']}`,
    `The computer's clock is wrong, so Yunxin refused the request (414 CurTime is expired). ${off.en} ${fix.en}`,
  );
}
