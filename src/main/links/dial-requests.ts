/**
 * Where a dial request from outside the window (a link, the clipboard hotkey, the tray) becomes
 * one event for the window: the normalised number, or the reason it is not one. Nothing here
 * places a call: the window asks the dispatcher first, and only the dispatcher's Enter calls.
 *
 * Numbers are read like the dial box reads them (phone-extension.ts): `010-62234302-396`,
 * `0571-88886666 转 123`, `tel:…;ext=396` give the main number with the extension apart, so only
 * the main number is ever dialled and the extension is shown for the dispatcher to ask for.
 */
import { parseDialable, type DialableParse } from '../../shared/phone-extension';
import { isDialLink, parseDialLink } from './dial-link';

export type DialSource = 'link' | 'hotkey' | 'tray';

export interface DialRequest {
  source: DialSource;
  /** The normalised main number and its extension, or why the text is not a callable number (shown as the normal error). */
  phone: DialableParse;
}

export interface DialRequests {
  /** A tel:/callto:/dispatchdesk: link. */
  fromLink(link: string, source?: DialSource): DialRequest;
  /** Text from the clipboard or the selection: a number, or a link someone copied. */
  fromText(text: string, source: DialSource): DialRequest;
}

export function createDialRequests(deliver: (request: DialRequest) => void): DialRequests {
  const emit = (request: DialRequest) => {
    deliver(request);
    return request;
  };
  const fromLink = (link: string, source: DialSource = 'link') => {
    const parsed = parseDialLink(link);
    const input = String(link ?? '').slice(0, 64);
    if (!parsed.ok) return emit({ source, phone: { ok: false, reason: parsed.reason === 'no_number' ? 'empty' : 'invalid', input } });
    return emit({ source, phone: withLinkExtension(parseDialable(parsed.numberText), parsed.extension) });
  };
  return {
    fromLink,
    fromText(text, source) {
      const trimmed = String(text ?? '').trim();
      if (isDialLink(trimmed)) return fromLink(trimmed, source);
      // A copied cell or line may carry a label: take the first line only.
      const firstLine = trimmed.split(/\r?\n/, 1)[0] ?? '';
      return emit({ source, phone: parseDialable(firstLine) });
    },
  };
}

/**
 * RFC 3966's `;ext=` names the extension apart; one written into the number (`tel:…-396;ext=396`)
 * is the same one, and a link that names two different ones is taken at its parameter.
 */
function withLinkExtension(phone: DialableParse, extension: string | undefined): DialableParse {
  if (!phone.ok || extension === undefined) return phone;
  // A mobile has no switchboard (phone-extension.ts): an `;ext=` on one is ignored, not dialled.
  if (phone.kind === 'mobile') return phone;
  return { ...phone, extension };
}
