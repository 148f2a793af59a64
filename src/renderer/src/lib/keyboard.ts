/** Helpers for keyboard handling shared by the global shortcuts and individual fields. */

/** True while an IME is composing (Chinese pinyin input): Enter then confirms the text, it is not a command. */
export function isComposing(e: { nativeEvent?: { isComposing?: boolean }; isComposing?: boolean; keyCode?: number }): boolean {
  return Boolean(e.isComposing || e.nativeEvent?.isComposing || e.keyCode === 229);
}

/** Fields where letters, `/`, `?` and `+` are text, not shortcuts. */
export function isTextField(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (el as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color'].includes(type);
  }
  return (el as HTMLElement).isContentEditable === true;
}

/** Ctrl on Windows/Linux, Cmd on macOS. */
export function isPrimaryModifier(e: { ctrlKey: boolean; metaKey: boolean }): boolean {
  return e.ctrlKey || e.metaKey;
}
