import { useEffect } from 'react';
import type { DesktopSettingKey, DesktopSettings, DesktopSettingsView } from '../../../../shared/domain';
import { formatMessage } from '../../i18n';
import { FailureMessage } from '../../components/FailureMessage';
import { useT } from '../../i18n/use-t';
import { useLanguage } from '../../state/app-store';
import { HotkeyField } from './HotkeyField';
import { useSettingsDraftStore } from './settings-draft-store';

type HotkeyKey = 'hotkeyDialClipboard' | 'hotkeyToggleWindow';

/**
 * The desktop app's own settings: global hotkeys, close to tray, notifications, start at login.
 * Main applies them live; the browser preview stores them for the desktop app and says, per
 * setting, that it does not apply them itself.
 */
export function DesktopSection() {
  const t = useT();
  const lang = useLanguage();
  const saved = useSettingsDraftStore((s) => s.desktopSaved);
  const edits = useSettingsDraftStore((s) => s.desktop);
  const edit = useSettingsDraftStore((s) => s.editDesktop);
  const load = useSettingsDraftStore((s) => s.loadDesktop);
  const error = useSettingsDraftStore((s) => s.errors.desktop);
  useEffect(() => {
    void load();
  }, [load]);
  if (!saved) return error ? <FailureMessage failure={error} testId="desktop-settings-failure" /> : null;
  const draft: DesktopSettings = { ...saved.settings, ...edits };

  const onlyDesktop = (key: DesktopSettingKey) =>
    saved.applied.includes(key) ? null : (
      <span className="field-hint" data-testid={`desktop-only-${key}`}>
        {saved.runtime === 'preview' ? t('desktopSettings.desktopOnly') : t('desktopSettings.installedOnly')}
      </span>
    );

  const hotkeyStatus = (key: HotkeyKey) => {
    // The status is of the binding main applied; an edited field shows it again after Save.
    if (edits[key] !== undefined && edits[key] !== saved.settings[key]) return onlyDesktop(key);
    const state = saved.hotkeys[key];
    const words = hotkeyWords(state, t);
    return (
      <>
        <span
          className={state.status === 'taken' || state.status === 'invalid' ? 'field-error' : 'field-hint'}
          data-testid={`${key}-status`}
          data-status={state.status}
        >
          {words ?? t('desktopSettings.hotkeyHint')}
        </span>
        {onlyDesktop(key)}
      </>
    );
  };

  const check = (key: 'closeToTray' | 'notifications' | 'startAtLogin', text: string) => (
    <label className="check">
      <input type="checkbox" data-testid={`desktop-${key}`} checked={draft[key]} onChange={(e) => edit(key, e.target.checked)} />
      <span>
        {text}
        {onlyDesktop(key) && <> · {onlyDesktop(key)}</>}
      </span>
    </label>
  );

  return (
    <section className="panel desktop-panel" aria-labelledby="desktop-title" data-testid="settings-section-desktop" data-runtime={saved.runtime}>
      <h2 id="desktop-title">{t('desktopSettings.title')}</h2>
      {saved.runtime === 'preview' && (
        <p className="field-hint" data-testid="desktop-preview-note">
          {t('desktopSettings.previewNote')}
        </p>
      )}
      <div className="settings-form">
        <HotkeyField
          testId="desktop-hotkeyDialClipboard"
          label={t('desktopSettings.hotkeyDial')}
          value={draft.hotkeyDialClipboard}
          onChange={(v) => edit('hotkeyDialClipboard', v)}
          status={hotkeyStatus('hotkeyDialClipboard')}
        />
        <HotkeyField
          testId="desktop-hotkeyToggleWindow"
          label={t('desktopSettings.hotkeyToggle')}
          value={draft.hotkeyToggleWindow}
          onChange={(v) => edit('hotkeyToggleWindow', v)}
          status={hotkeyStatus('hotkeyToggleWindow')}
        />
        {check('closeToTray', t('desktopSettings.closeToTray'))}
        {check('notifications', t('desktopSettings.notifications'))}
        {check('startAtLogin', t('desktopSettings.startAtLogin'))}
        {saved.startAtLoginError && (
          <p className="field-error" data-testid="desktop-start-at-login-error">
            {formatMessage(lang, saved.startAtLoginError)}
          </p>
        )}
      </div>
      {error && <FailureMessage failure={error} testId="desktop-settings-failure" />}
    </section>
  );
}

function hotkeyWords(state: DesktopSettingsView['hotkeys'][HotkeyKey], t: ReturnType<typeof useT>): string | null {
  if (state.status === 'registered') return t('desktopSettings.hotkey.registered', { accelerator: state.accelerator });
  if (state.status === 'taken') return t('desktopSettings.hotkey.taken', { accelerator: state.accelerator });
  if (state.status === 'invalid') return t('desktopSettings.hotkey.invalid');
  if (state.status === 'off') return t('desktopSettings.hotkey.off');
  return null;
}
