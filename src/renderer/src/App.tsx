import { lazy, Suspense, useEffect } from 'react';
import { FailureMessage } from './components/FailureMessage';
import { Toasts } from './components/Toasts';
import { CallStrip } from './features/calls/CallStrip';
import { ContactsTab } from './features/contacts/ContactsTab';
import { ConfConfirmSheet } from './features/roster/ConfConfirmSheet';
import { useRosterStore } from './state/roster-store';
import { DialRequestSheet } from './features/dial/DialRequestSheet';
import { Header } from './features/shell/Header';
import { HelpOverlay } from './features/shell/HelpOverlay';
import { NoticeBanner } from './features/shell/NoticeBanner';
import { SetupPrompt } from './features/shell/SetupPrompt';
import { useGlobalShortcuts } from './features/shell/use-global-shortcuts';
import { useAppStore } from './state/app-store';
import { useCallsStore } from './state/calls-store';
import { useContactsStore } from './state/contacts-store';
import { subscribeToMain } from './state/events';
import { translate } from './i18n';

// Loaded on first use: Chart.js and the reports code stay out of the first screen's bundle.
const ReportsTab = lazy(() => import('./features/reports/ReportsTab'));
// The other tabs too: the first screen is the contact list, and what it does not show is not
// parsed before it (issue 10 §6: first-screen bundle budget, first render of the list).
const CallLogTab = lazy(() => import('./features/log/CallLogTab').then((m) => ({ default: m.CallLogTab })));
const SettingsTab = lazy(() => import('./features/settings/SettingsTab').then((m) => ({ default: m.SettingsTab })));
const BoardTab = lazy(() => import('./features/team/BoardTab').then((m) => ({ default: m.BoardTab })));
import { useTeamStore } from './state/team-store';
import { TeamBanner } from './features/team/TeamBanner';

/**
 * The first reads, started by main.tsx before React renders anything, so that main already works
 * on the contact list's first page while the bundle's components render (issue 10 §6: first
 * render of the list). The list goes first: in the browser preview every read is a request, and
 * a browser opens only a few connections at a time.
 */
export function startReading(): () => void {
  // Subscribed before the first reads, so no change after a read can be missed: from here on
  // the call log, the contact list and the notices follow main's events (state/events.ts).
  const unsubscribe = subscribeToMain();
  void useContactsStore.getState().load();
  void useAppStore.getState().load();
  void useAppStore.getState().loadNotices();
  void useTeamStore.getState().load();
  void useCallsStore.getState().refreshLog();
  void useRosterStore.getState().loadDraft();
  return unsubscribe;
}

export function App() {
  const loaded = useAppStore((s) => s.settings !== null);
  const language = useAppStore((s) => s.settings?.language ?? 'zh-CN');
  const loadError = useAppStore((s) => s.loadError);
  const tab = useAppStore((s) => s.tab);

  useGlobalShortcuts();

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  return (
    <div className="app">
      <Header />
      <NoticeBanner />
      <TeamBanner />
      {loadError && <FailureMessage failure={loadError} testId="load-failure" />}
      {loaded && (
        <>
          <SetupPrompt />
          <main className="tab-panel" id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`}>
            {tab === 'contacts' && <ContactsTab />}
            {/* A local chunk loads in milliseconds: no loading text that would only flash. */}
            <Suspense fallback={null}>
              {tab === 'log' && <CallLogTab />}
              {tab === 'settings' && <SettingsTab />}
              {tab === 'board' && <BoardTab />}
            </Suspense>
            {tab === 'reports' && (
              <Suspense fallback={<p className="list-state">{translate(language, 'reports.loading')}</p>}>
                <ReportsTab />
              </Suspense>
            )}
          </main>
          {/* Below the tabs: the strip is one line when idle and grows with the first call. Growing
              at the bottom never moves the rows above it, and it waits while the pointer is over
              the rows it would cover (CallStrip's dock), so a click is not caught by the strip. */}
          <CallStrip />
          <ConfConfirmSheet />
          <DialRequestSheet />
        </>
      )}
      <HelpOverlay />
      <Toasts />
    </div>
  );
}
