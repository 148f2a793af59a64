/**
 * Routes main's events to the stores' actions. Subscribed once, before the first reads (App), so
 * nothing that changes after a read can be missed: the call log, the contact list and the notices
 * follow main without polling. After `streamResumed` (the preview's stream dropped and came back)
 * events may have been missed, so each store re-reads what it shows.
 */
import type { AppEvent } from '../../../shared/contract';
import { bridge } from '../bridge';
import { useAppStore } from './app-store';
import { useCallsStore } from './calls-store';
import { useContactsStore } from './contacts-store';
import { useDialRequestStore } from './dial-request-store';
import { useTeamStore } from './team-store';
import { useImportProgressStore } from './import-progress-store';
import { useImportUndoStore } from './import-undo-store';
import { useLogFocusStore } from './log-focus-store';

export function handleEvent(event: AppEvent): void {
  switch (event.type) {
    case 'callUpdated':
      useCallsStore.getState().applyEntry(event.data.entry);
      return;
    case 'contactsChanged':
      useContactsStore.getState().listChanged(event.data.revision);
      return;
    case 'noticeAdded':
      useAppStore.getState().addNotice(event.data.notice);
      return;
    case 'dialRequested':
      useDialRequestStore.getState().receive(event.data);
      return;
    case 'logEntryFocusRequested':
      useLogFocusStore.getState().focus(event.data.entryId);
      useAppStore.getState().setTab('log');
      return;
    case 'teamStatusChanged':
      // Entering or leaving team mode changes where the log and the contacts come from.
      if (useTeamStore.getState().apply(event.data.team)) {
        void useCallsStore.getState().reloadLog();
        void useContactsStore.getState().load();
      }
      return;
    case 'importUndone':
      void useImportUndoStore.getState().undoneElsewhere(event.data.result);
      return;
    case 'importProgress':
      useImportProgressStore.getState().received(event.data);
      return;
    case 'streamResumed':
      void useCallsStore.getState().refreshLog();
      void useAppStore.getState().loadNotices();
      void useContactsStore.getState().load();
      void useTeamStore.getState().load();
      return;
    default: {
      // An event added to the contract without a case here does not compile.
      const unhandled: never = event;
      return unhandled;
    }
  }
}

/** Returns the unsubscribe function; a bridge without `subscribe` is a broken build, said loudly. */
export function subscribeToMain(): () => void {
  return bridge().subscribe(handleEvent);
}
