import { useEffect } from 'react';
import { FailureMessage } from './components/FailureMessage';
import { Toasts } from './components/Toasts';
import { CallStrip } from './features/calls/CallStrip';
import { ContactsTab } from './features/contacts/ContactsTab';
import { CallLogTab } from './features/log/CallLogTab';
import { ConfConfirmSheet } from './features/roster/ConfConfirmSheet';
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

export function App() {
  const load = useAppStore((s) => s.load);
  const loaded = useAppStore((s) => s.settings !== null);
  const language = useAppStore((s) => s.settings?.language ?? 'zh-CN');
  const loadError = useAppStore((s) => s.loadError);
  const tab = useAppStore((s) => s.tab);

  useGlobalShortcuts();

  useEffect(() => {
    void load();
    void useAppStore.getState().loadNotices();
    // Records are parsed as their pages are read, so a damaged one is only found while the list
    // loads: ask for notices again once it has.
    void useContactsStore
      .getState()
      .load()
      .then(() => useAppStore.getState().loadNotices());
    void useCallsStore.getState().refreshLog();
    // Catch up on calls that changed while the window was in the background.
    const onFocus = () => {
      void useCallsStore.getState().refreshLog();
      void useAppStore.getState().loadNotices();
    };
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
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
