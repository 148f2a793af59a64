import type { KeyboardEvent, ReactNode } from 'react';
import { acceleratorFromKeyPress } from '../../../../shared/hotkeys';

/**
 * A global hotkey, recorded by pressing it in the field (Ctrl+Alt+D) or typed as text. Tab moves
 * on and Enter saves the page as in any field; Backspace or Delete alone empties it (no hotkey).
 */
export function HotkeyField(props: { testId: string; label: string; value: string; onChange(value: string): void; status: ReactNode }) {
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const plain = !event.ctrlKey && !event.altKey && !event.metaKey;
    if (plain && (event.key === 'Tab' || event.key === 'Enter' || event.key === 'Escape')) return;
    if (plain && !event.shiftKey && (event.key === 'Backspace' || event.key === 'Delete')) {
      event.preventDefault();
      return props.onChange('');
    }
    // A plain character is typed as text; a combination is recorded.
    if (plain && event.key.length === 1) return;
    const text = acceleratorFromKeyPress(event);
    if (text === null) return;
    event.preventDefault();
    props.onChange(text);
  }
  return (
    <label className="field">
      <span>{props.label}</span>
      <input
        data-testid={props.testId}
        value={props.value}
        autoComplete="off"
        spellCheck={false}
        onKeyDown={onKeyDown}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.status}
    </label>
  );
}
