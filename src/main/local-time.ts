/**
 * Times as the dispatcher reads them in exported files: the machine's local time with its offset
 * (`2024-05-01T14:03:22+08:00`), so a spreadsheet shows the wall-clock time of the call and the
 * exact instant is still unambiguous.
 */
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function localIso(ms: number): string {
  const d = new Date(ms);
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` +
    `T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** `YYYYMMDD-HHmm` in local time, for export file names. */
export function fileStamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}`;
}
