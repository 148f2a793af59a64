import { useEffect } from 'react';
import { isSheetOpen } from '../../components/Sheet';
import { isComposing, isPrimaryModifier, isTextField } from '../../lib/keyboard';
import { useAppStore, type Tab } from '../../state/app-store';
import { useContactsStore } from '../../state/contacts-store';
import { useRosterStore } from '../../state/roster-store';
import { showToast } from '../../state/toast-store';
import { addSelectedToRoster, callSelected, editSelected } from '../contacts/contact-actions';
import { DIAL_INPUT_ID, focusById, SEARCH_INPUT_ID } from './focus';

const TAB_KEYS: Record<string, Tab> = { '1': 'contacts', '2': 'log', '3': 'reports', '4': 'settings' };

export function focusSearch(): void {
  useAppStore.getState().setTab('contacts');
  focusById(SEARCH_INPUT_ID, true);
}

/** The dial box lives on the contacts tab. */
export function focusDial(): void {
  useAppStore.getState().setTab('contacts');
  focusById(DIAL_INPUT_ID, true);
}

/**
 * Window-level shortcuts. Fields handle their own keys (the search box: ↑/↓/Enter/Insert; the
 * dial and roster fields: Enter); sheets handle theirs and silence these while open.
 */
export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isComposing(e) || isSheetOpen()) return;
      const app = useAppStore.getState();
      const target = e.target instanceof Element ? e.target : null;
      const inText = isTextField(target);

      if (isPrimaryModifier(e) && !e.altKey && (e.key === 'k' || e.key === 'K')) {
        e.preventDefault();
        focusSearch();
        return;
      }
      if (isPrimaryModifier(e) && !e.altKey && !e.shiftKey && (e.key === 'd' || e.key === 'D')) {
        e.preventDefault();
        focusDial();
        return;
      }
      if (isPrimaryModifier(e) && e.key === 'Enter') {
        e.preventDefault();
        // The roster panel says why when it is empty; elsewhere a toast does.
        if (!e.repeat && !useRosterStore.getState().openConfirm() && app.tab !== 'contacts') {
          showToast({ message: { key: 'roster.emptyStart' }, tone: 'error' });
        }
        return;
      }
      if (e.altKey && !e.ctrlKey && !e.metaKey && TAB_KEYS[e.key]) {
        e.preventDefault();
        app.setTab(TAB_KEYS[e.key]);
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (inText) return;

      if (e.key === '/') {
        e.preventDefault();
        focusSearch();
        return;
      }
      if (e.key === 'd' || e.key === 'D') {
        e.preventDefault();
        focusDial();
        return;
      }
      if (e.key === '?') {
        e.preventDefault();
        app.setHelpOpen(true);
        return;
      }
      if (app.tab !== 'contacts') return;
      const contacts = useContactsStore.getState();
      switch (e.key) {
        case 'ArrowDown':
        case 'ArrowUp':
          // Only from the list or from nowhere: arrows on a select or a scrolled panel keep their meaning.
          if (target && target !== document.body && !target.closest('[data-contact-list]')) return;
          e.preventDefault();
          contacts.moveCursor(e.key === 'ArrowDown' ? 1 : -1);
          return;
        case 'Enter':
          // On a button, Enter presses that button; only the list itself (or nothing) means "call".
          if (target && target !== document.body && !target.matches('[data-contact-list]')) return;
          if (e.repeat) return;
          e.preventDefault();
          void callSelected();
          return;
        case 'Insert':
        case '+':
        case 'a':
        case 'A':
          e.preventDefault();
          addSelectedToRoster();
          return;
        case 'e':
        case 'E':
          e.preventDefault();
          editSelected();
          return;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
