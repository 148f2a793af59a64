import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n/use-t';
import { THEME_CHOICES, useViewStore, type ThemeChoice } from '../../state/view-store';

/** Theme and large text, in the header: reachable from every tab, remembered across restarts. */
export function ViewControls() {
  const t = useT();
  const { theme, largeText, setTheme, setLargeText } = useViewStore(
    useShallow((s) => ({ theme: s.theme, largeText: s.largeText, setTheme: s.setTheme, setLargeText: s.setLargeText })),
  );
  return (
    <div className="view-controls" role="group" aria-label={t('layout.view')}>
      <select
        data-testid="view-theme"
        value={theme}
        aria-label={t('layout.theme')}
        title={t('layout.theme')}
        onChange={(e) => setTheme(e.target.value as ThemeChoice)}
      >
        {THEME_CHOICES.map((c) => (
          <option key={c} value={c}>
            {t(`layout.theme.${c}`)}
          </option>
        ))}
      </select>
      <button
        type="button"
        data-testid="view-large-text"
        aria-pressed={largeText}
        aria-label={t('layout.largeText')}
        title={t('layout.largeTextHint')}
        onClick={() => setLargeText(!largeText)}
      >
        <span aria-hidden="true">A+</span>
      </button>
    </div>
  );
}
