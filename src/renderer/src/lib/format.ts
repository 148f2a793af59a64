/** Small, language-neutral formatting helpers (the words around them come from i18n). */

const pad = (n: number): string => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of a timestamp, in local time (what `<input type="date">` uses). */
export function localDay(ts: number): string {
  const d = new Date(ts);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Today: `14:03:27`; another day: `2025-03-02 14:03`. */
export function formatTime(ts: number, now: number = Date.now()): string {
  const d = new Date(ts);
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  if (localDay(ts) === localDay(now)) return `${time}:${pad(d.getSeconds())}`;
  return `${localDay(ts)} ${time}`;
}

/** `0:07`, `12:05`, `1:02:03`. */
export function formatDuration(sec: number): string {
  const s = Math.max(0, Math.round(sec));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(r)}` : `${m}:${pad(r)}`;
}
