import { useT } from '../../i18n/use-t';
import { useSettingsDirty, useSettingsDraftStore } from './settings-draft-store';

/** The page's one Save button, outside the scrolling sections so it is always visible. */
export function SettingsSaveBar() {
  const t = useT();
  const saving = useSettingsDraftStore((s) => s.saving);
  const outcome = useSettingsDraftStore((s) => s.outcome);
  const dirty = useSettingsDirty();
  const status =
    outcome === 'saved'
      ? { text: t('common.saved'), testId: 'settings-saved', className: 'saved-note' }
      : outcome === 'partial'
        ? { text: t('settingsPage.someFailed'), testId: 'settings-save-failed', className: 'field-error' }
        : outcome === 'failed'
          ? { text: t('settingsPage.failed'), testId: 'settings-save-failed', className: 'field-error' }
          : outcome === 'nothing'
            ? { text: t('settingsPage.nothingToSave'), testId: 'settings-nothing', className: 'muted' }
            : dirty
              ? { text: t('settingsPage.unsaved'), testId: 'settings-unsaved', className: 'muted' }
              : null;
  return (
    <div className="settings-savebar actions">
      <button type="submit" className="primary" data-testid="settings-save" disabled={saving}>
        {saving ? t('common.saving') : t('settingsPage.save')}
      </button>
      {status && (
        <span className={status.className} data-testid={status.testId} role="status">
          {status.text}
        </span>
      )}
    </div>
  );
}
