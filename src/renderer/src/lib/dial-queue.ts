/**
 * The confirmations for dial requests from outside the window (a tel: link, the clipboard hotkey,
 * the tray). One is shown at a time; the rest wait in order. A number that is already shown or
 * waiting is not queued again: two clicks on the same link (or a link and the hotkey on the same
 * number) must never ring anyone twice. Pure, so the rules are tested without React.
 */
/** `search`: a whole number typed in the contact search box, then Enter. */
export type DialRequestSource = 'link' | 'hotkey' | 'tray' | 'search';

export interface PendingDial {
  id: number;
  /** The main number: the only part dialled. */
  number: string;
  /** The extension to ask for once through (`tel:010-62234302-396`), shown on the confirmation. */
  extension?: string;
  source: DialRequestSource;
}

export interface DialQueue {
  current: PendingDial | null;
  waiting: PendingDial[];
}

/** More than a dispatcher can answer; beyond it the oldest requests win and later ones are dropped. */
export const MAX_WAITING = 10;

export const EMPTY_DIAL_QUEUE: DialQueue = { current: null, waiting: [] };

export function enqueueDial(queue: DialQueue, request: PendingDial): { queue: DialQueue; added: boolean } {
  // The same main number is the same phone ringing, whatever extension the dispatcher would ask for.
  const known = [queue.current, ...queue.waiting].some((pending) => pending?.number === request.number);
  if (known || queue.waiting.length >= MAX_WAITING) return { queue, added: false };
  if (!queue.current) return { queue: { current: request, waiting: queue.waiting }, added: true };
  return { queue: { current: queue.current, waiting: [...queue.waiting, request] }, added: true };
}

/**
 * Takes the shown request out, for exactly one call, and shows the next. Confirming a request
 * that is no longer the shown one (a second Enter, a stale click) gives nothing to call.
 */
export function takeCurrent(queue: DialQueue, id: number): { queue: DialQueue; call: PendingDial | null } {
  if (!queue.current || queue.current.id !== id) return { queue, call: null };
  const [next = null, ...rest] = queue.waiting;
  return { queue: { current: next, waiting: rest }, call: queue.current };
}
