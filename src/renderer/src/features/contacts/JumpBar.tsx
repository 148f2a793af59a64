import { useMemo, useRef, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n/use-t';
import { SECTIONS, sectionStartRow } from '../../lib/search/sections';
import { useContactsStore } from '../../state/contacts-store';

/**
 * The A–Z bar beside the contact list: ★ for the favourites pinned on top, a letter per pinyin
 * initial, # for names without pinyin. A click or Enter moves the selection to the section's first
 * contact and scrolls it into view. Keyboard: Tab reaches the bar (one stop), ↑/↓ move along it
 * (Enter jumps), a letter key moves to that letter and jumps at once, Home/End go to its ends. Letters without contacts are shown but marked disabled;
 * while a search is typed the results are ranked, not alphabetical, so the bar is disabled.
 */
export function JumpBar() {
  const t = useT();
  // While a search is typed the bar only needs to know that: not the rows, which change with
  // every keystroke and would re-render its 28 buttons each time (issue 10 §6, keystroke-to-paint).
  const { view, rows, rowCount, searching, jumpToSection } = useContactsStore(
    useShallow((s) => {
      const searching = s.query.trim() !== '';
      return { view: s.view, rows: searching ? null : s.rows, rowCount: searching ? 0 : s.rowCount, searching, jumpToSection: s.jumpToSection };
    }),
  );
  const barRef = useRef<HTMLDivElement>(null);
  const present = useMemo(() => {
    const out = new Set<string>();
    if (!view || searching) return out;
    for (const s of SECTIONS) if (sectionStartRow(view, rows, rowCount, s) >= 0) out.add(s);
    return out;
  }, [view, rows, rowCount, searching]);

  const focusAt = (i: number) => {
    const buttons = barRef.current?.querySelectorAll<HTMLButtonElement>('button');
    buttons?.[Math.max(0, Math.min(SECTIONS.length - 1, i))]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = SECTIONS.indexOf((e.target as HTMLElement).dataset.section ?? '');
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      focusAt(at + (e.key === 'ArrowDown' ? 1 : -1));
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      focusAt(e.key === 'Home' ? 0 : SECTIONS.length - 1);
    } else if (/^[a-z#]$/i.test(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      const section = e.key.toLowerCase();
      focusAt(SECTIONS.indexOf(section));
      // Typing the letter is the jump: the dispatcher reads the name, not the bar.
      if (present.has(section)) jumpToSection(section);
    }
  };

  const label = (s: string) =>
    s === '*' ? t('contacts.jumpToFavorites') : s === '#' ? t('contacts.jumpToOther') : t('contacts.jumpTo', { letter: s.toUpperCase() });
  return (
    <div
      ref={barRef}
      className="jump-bar"
      role="toolbar"
      aria-orientation="vertical"
      aria-label={t('contacts.jumpBarLabel')}
      data-testid="jump-bar"
      onKeyDown={onKeyDown}
    >
      {SECTIONS.map((s, i) => (
        <button
          key={s}
          type="button"
          className="jump-letter"
          data-section={s}
          data-testid={`jump-${s === '*' ? 'favorites' : s === '#' ? 'other' : s}`}
          // One Tab stop for the whole bar; arrows move inside it.
          tabIndex={i === 0 ? 0 : -1}
          // aria-disabled, not disabled: an empty letter stays focusable, so arrows never skip
          // silently and the bar's one Tab stop always exists.
          aria-disabled={!present.has(s)}
          aria-label={label(s)}
          title={present.has(s) ? label(s) : t('contacts.jumpNone', { letter: s === '*' ? '★' : s.toUpperCase() })}
          onClick={() => present.has(s) && jumpToSection(s)}
        >
          {s === '*' ? '★' : s.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
