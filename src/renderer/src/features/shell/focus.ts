/** Focus helpers for targets that may only exist after a tab switch renders. */
export const SEARCH_INPUT_ID = 'contact-search';
export const ROSTER_INPUT_ID = 'roster-number-input';
export const DIAL_INPUT_ID = 'dial-number-input';

export function focusById(id: string, select = false): void {
  const focus = (el: HTMLElement | null) => {
    el?.focus();
    if (select && el instanceof HTMLInputElement) el.select();
    return el !== null;
  };
  // At once when the element is on screen, so keys typed right after the shortcut land in it;
  // otherwise after React has rendered the tab that holds it.
  if (!focus(document.getElementById(id))) requestAnimationFrame(() => focus(document.getElementById(id)));
}
