/**
 * Click-to-dial links: `tel:` (RFC 3966), `callto:` (Skype-style, also `callto://`) and the app's
 * own `dispatchdesk:` (`dispatchdesk://dial/<number>`, `dispatchdesk://dial?number=<number>`).
 * This only extracts the number text; whether it is a number we can call is decided by the same
 * parseDialable every other dial path uses (which splits off a written extension). A `tel:` link's
 * `;ext=` parameter is the extension (RFC 3966). Pure, so it is tested without Electron.
 */
import { CONTACT_EXTENSION_MAX } from '../../shared/contact-limits';

export const DIAL_LINK_SCHEMES = ['tel', 'callto', 'dispatchdesk'] as const;
export type DialLinkScheme = (typeof DIAL_LINK_SCHEMES)[number];

/** Longer than any real link; a pasted megabyte is refused before it costs anything. */
export const DIAL_LINK_MAX_LENGTH = 512;

export type DialLinkParse =
  | { ok: true; scheme: DialLinkScheme; numberText: string; extension?: string }
  | { ok: false; reason: 'not_a_link' | 'too_long' | 'bad_encoding' | 'no_number' };

const SCHEME_PATTERN = /^(tel|callto|dispatchdesk):/i;

export function isDialLink(text: string): boolean {
  return typeof text === 'string' && SCHEME_PATTERN.test(text.trim());
}

export function parseDialLink(link: string): DialLinkParse {
  if (typeof link !== 'string') return { ok: false, reason: 'not_a_link' };
  const text = link.trim();
  if (text.length > DIAL_LINK_MAX_LENGTH) return { ok: false, reason: 'too_long' };
  const match = SCHEME_PATTERN.exec(text);
  if (!match) return { ok: false, reason: 'not_a_link' };
  const scheme = match[1].toLowerCase() as DialLinkScheme;
  let rest = text.slice(match[0].length).replace(/^\/\//, '');

  if (scheme === 'dispatchdesk') {
    // dispatchdesk://dial/<n>, dispatchdesk://dial?number=<n>, dispatchdesk:<n>
    const query = /^dial\/?\?(.*)$/i.exec(rest);
    if (query) {
      const params = new URLSearchParams(query[1]);
      rest = params.get('number') ?? '';
      return finish(scheme, rest, false);
    }
    rest = rest.replace(/^dial\//i, '');
  }
  // tel: parameters (;ext=, ;phone-context=) and callto:'s ?query and any #fragment are not the number;
  // ;ext= names the extension.
  const [numberPart, ...params] = rest.split(/[?#]/, 1)[0].split(';');
  const parsed = finish(scheme, numberPart, true);
  const extension = parsed.ok ? extensionParam(params) : undefined;
  return parsed.ok && extension ? { ...parsed, extension } : parsed;
}

/** The digits of an `ext=` parameter (full-width digits and separators tolerated); none if it has no digits. */
function extensionParam(params: readonly string[]): string | undefined {
  const ext = params.find((p) => /^ext=/i.test(p.trim()));
  if (!ext) return undefined;
  let value = ext.trim().slice(4);
  try {
    value = decodeURIComponent(value);
  } catch {
    return undefined;
  }
  const digits = value.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30)).replace(/[\s.()-]/g, '');
  return /^\d+$/.test(digits) && digits.length <= CONTACT_EXTENSION_MAX ? digits : undefined;
}

function finish(scheme: DialLinkScheme, raw: string, decode: boolean): DialLinkParse {
  let numberText = raw;
  if (decode) {
    try {
      numberText = decodeURIComponent(raw);
    } catch {
      return { ok: false, reason: 'bad_encoding' };
    }
  }
  numberText = numberText.replace(/\/+$/, '').trim();
  if (numberText === '') return { ok: false, reason: 'no_number' };
  return { ok: true, scheme, numberText };
}
