/** Display grouping for stored (normalised, digits-only) numbers: `138 0013 8000`, `010 6552 9988`. */
export function formatPhone(n: string): string {
  if (!/^\d+$/.test(n)) return n;
  if (/^1\d{10}$/.test(n)) return `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`;
  if (/^[48]00\d{7}$/.test(n)) return `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`;
  if (n.startsWith('0')) {
    // 010 and 02x are three-digit area codes; every other area code has four digits.
    const area = /^0(10|2\d)/.test(n) ? 3 : 4;
    const local = n.slice(area);
    if (local.length === 8) return `${n.slice(0, area)} ${local.slice(0, 4)} ${local.slice(4)}`;
    if (local.length === 7) return `${n.slice(0, area)} ${local.slice(0, 3)} ${local.slice(3)}`;
    return `${n.slice(0, area)} ${local}`;
  }
  return n;
}

/** Digits of a typed text, for matching `138-0013` against `13800138000`. */
export function digitsOf(s: string): string {
  return s.replace(/\D/g, '');
}
