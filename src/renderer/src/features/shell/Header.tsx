import { useShallow } from 'zustand/react/shallow';
import { Icon } from '../../components/Icon';
import { useT } from '../../i18n/use-t';
import { useAppStore, type Tab } from '../../state/app-store';
import { ViewControls } from './ViewControls';

const TABS: { id: Tab; key: 'tabs.contacts' | 'tabs.log' | 'reports.tab' | 'tabs.settings'; shortcut: string }[] = [
  { id: 'contacts', key: 'tabs.contacts', shortcut: 'Alt+1' },
  { id: 'log', key: 'tabs.log', shortcut: 'Alt+2' },
  { id: 'reports', key: 'reports.tab', shortcut: 'Alt+3' },
  { id: 'settings', key: 'tabs.settings', shortcut: 'Alt+4' },
];

export function Header() {
  const t = useT();
  const { mode, tab, setTab, setHelpOpen, callerNumber } = useAppStore(
    useShallow((s) => ({
      mode: s.settings?.mode ?? 'sandbox',
      tab: s.tab,
      setTab: s.setTab,
      setHelpOpen: s.setHelpOpen,
      callerNumber: s.settings?.callerNumber ?? '',
    })),
  );
  return (
    <header className={`app-header header-${mode}`}>
      <div className="brand">
        <h1>{t('app.title')}</h1>
        <span className={`mode-badge mode-${mode}`} data-testid="mode-badge" title={mode === 'sandbox' ? t('mode.sandboxHint') : t('mode.productionHint')}>
          {t(`mode.${mode}`)}
        </span>
      </div>
      <nav className="tabs" role="tablist" aria-label={t('tabs.label')}>
        {TABS.map((x) => (
          <button
            key={x.id}
            type="button"
            role="tab"
            id={`tab-${x.id}`}
            aria-selected={tab === x.id}
            aria-controls={`panel-${x.id}`}
            className={tab === x.id ? 'tab active' : 'tab'}
            data-testid={`tab-${x.id}`}
            title={x.shortcut}
            onClick={() => setTab(x.id)}
          >
            {t(x.key)}
          </button>
        ))}
      </nav>
      <div className="header-end">
        {callerNumber && (
          <span className="own-number" title={t('header.ownNumberHint')}>
            {t('header.ownNumber', { number: callerNumber })}
          </span>
        )}
        <ViewControls />
        <button type="button" className="ghost help-button" data-testid="help-button" onClick={() => setHelpOpen(true)} title="?">
          <Icon name="help" />
          <span>{t('help.button')}</span>
        </button>
      </div>
    </header>
  );
}
