/**
 * Where a dial request from outside the window (a link, the clipboard hotkey, the tray) becomes
 * one event for the window: the normalised number, or the reason it is not one. Nothing here
 * places a call: the window asks the dispatcher first, and only the dispatcher's Enter calls.
 */
import { normalizePhone, type PhoneParse } from '../../shared/phone';
import { isDialLink, parseDialLink } from './dial-link';

export type DialSource = 'link' | 'hotkey' | 'tray';

export interface DialRequest {
  source: DialSource;
  /** The normalised number, or why the text is not a callable number (shown as the normal error). */
  phone: PhoneParse;
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
    return emit({ source, phone: normalizePhone(parsed.numberText) });
  };
  return {
    fromLink,
    fromText(text, source) {
      const trimmed = String(text ?? '').trim();
      if (isDialLink(trimmed)) return fromLink(trimmed, source);
      // A copied cell or line may carry a label: take the first line only.
      const firstLine = trimmed.split(/\r?\n/, 1)[0] ?? '';
      return emit({ source, phone: normalizePhone(firstLine) });
    },
  };
}
