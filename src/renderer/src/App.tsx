import { useEffect } from 'react';
import { FailureMessage } from './components/FailureMessage';
import { Toasts } from './components/Toasts';
import { CallStrip } from './features/calls/CallStrip';
import { ContactsTab } from './features/contacts/ContactsTab';
import { CallLogTab } from './features/log/CallLogTab';
import { ConfConfirmSheet } from './features/roster/ConfConfirmSheet';
import { useRosterStore } from './state/roster-store';
import { DialRequestSheet } from './features/dial/DialRequestSheet';
import { SettingsTab } from './features/settings/SettingsTab';
import { Header } from './features/shell/Header';
import { HelpOverlay } from './features/shell/HelpOverlay';
import { NoticeBanner } from './features/shell/NoticeBanner';
import { SetupPrompt } from './features/shell/SetupPrompt';
import { useGlobalShortcuts } from './features/shell/use-global-shortcuts';
import { useAppStore } from './state/app-store';
import { useCallsStore } from './state/calls-store';
import { useContactsStore } from './state/contacts-store';
import { subscribeToMain } from './state/events';

export function App() {
  const load = useAppStore((s) => s.load);
  const loaded = useAppStore((s) => s.settings !== null);
  const language = useAppStore((s) => s.settings?.language ?? 'zh-CN');
  const loadError = useAppStore((s) => s.loadError);
  const tab = useAppStore((s) => s.tab);

  useGlobalShortcuts();

  useEffect(() => {
    // Subscribed before the first reads, so no change after a read can be missed: from here on
    // the call log, the contact list and the notices follow main's events (state/events.ts).
    const unsubscribe = subscribeToMain();
    void load();
    void useAppStore.getState().loadNotices();
    void useContactsStore.getState().load();
    void useCallsStore.getState().refreshLog();
    void useRosterStore.getState().loadDraft();
    return unsubscribe;
  }, [load]);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  return (
    <div className="app">
      <Header />
      <NoticeBanner />
      {loadError && <FailureMessage failure={loadError} testId="load-failure" />}
      {loaded && (
        <>
          <SetupPrompt />
          <CallStrip />
          <main className="tab-panel" id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`}>
            {tab === 'contacts' && <ContactsTab />}
            {tab === 'log' && <CallLogTab />}
            {tab === 'settings' && <SettingsTab />}
          </main>
          <ConfConfirmSheet />
          <DialRequestSheet />
        </>
      )}
      <HelpOverlay />
      <Toasts />
    </div>
  );
}
