import { useEffect } from 'react';
import { FailureMessage } from './components/FailureMessage';
import { CallPanel } from './features/call/CallPanel';
import { ConferencePanel } from './features/call/ConferencePanel';
import { AccountPanel } from './features/settings/AccountPanel';
import { SettingsPanel } from './features/settings/SettingsPanel';
import { useT } from './i18n/use-t';
import { useAppStore } from './state/app-store';

export function App() {
  const t = useT();
  const load = useAppStore((s) => s.load);
  const settings = useAppStore((s) => s.settings);
  const loadError = useAppStore((s) => s.loadError);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    document.documentElement.lang = settings?.language ?? 'zh-CN';
  }, [settings?.language]);

  const mode = settings?.mode ?? 'sandbox';
  return (
    <div className="app">
      <header className="app-header">
        <h1>{t('app.title')}</h1>
        <span className={`mode-badge mode-${mode}`} data-testid="mode-badge" title={mode === 'sandbox' ? t('mode.sandboxHint') : undefined}>
          {t(`mode.${mode}`)}
        </span>
      </header>
      {loadError && <FailureMessage failure={loadError} />}
      {settings && (
        <main className="panels">
          <CallPanel />
          <ConferencePanel />
          <SettingsPanel />
          <AccountPanel />
        </main>
      )}
    </div>
  );
}
