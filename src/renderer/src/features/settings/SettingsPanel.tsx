import { useState, type FormEvent } from 'react';
import { formatMessage } from '../../i18n';
import type { Mode, Settings } from '../../../../shared/domain';
import { normalizePhone, phoneErrorText } from '../../../../shared/phone';
import { CALLER_ACC_MAX_LENGTH } from '../../../../shared/validation';
import type { Failure, Language } from '../../../../shared/result';
import { FailureMessage } from '../../components/FailureMessage';
import { useT } from '../../i18n/use-t';
import { formatPhone } from '../../lib/phone-format';
import { useAppStore, useLanguage } from '../../state/app-store';

export function SettingsPanel() {
  const t = useT();
  const lang = useLanguage();
  const settings = useAppStore((s) => s.settings);
  const saveSettings = useAppStore((s) => s.saveSettings);
  const [draft, setDraft] = useState<Settings | null>(settings);
  const [error, setError] = useState<Failure | null>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);

  // Settings saved or reloaded elsewhere replace the draft (adjusted during render, not in an effect:
  // https://react.dev/learn/you-might-not-need-an-effect#adjusting-some-state-when-a-prop-changes).
  const [draftOf, setDraftOf] = useState(settings);
  if (draftOf !== settings) {
    setDraftOf(settings);
    setDraft(settings);
  }
  if (!draft) return null;

  const field = <K extends keyof Settings>(key: K, value: Settings[K]) => {
    setSaved(false);
    setDraft({ ...draft, [key]: value });
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!draft || saving) return;
    setSaving(true);
    const problem = await saveSettings(draft);
    setSaving(false);
    setError(problem);
    setSaved(problem === null);
  }

  const own = draft.callerNumber.trim() === '' ? null : normalizePhone(draft.callerNumber);
  const ownError = own && !own.ok ? formatMessage(lang, phoneErrorText(own)) : null;

  return (
    <section className="panel settings-panel" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settings.title')}</h2>
      <form onSubmit={onSubmit} className="settings-form">
        <fieldset>
          <legend>{t('settings.section.calls')}</legend>
          <label className="field">
            <span>{t('settings.callerNumber')}</span>
            <input
              data-testid="settings-caller-number"
              value={draft.callerNumber}
              inputMode="tel"
              autoComplete="off"
              aria-invalid={ownError ? true : undefined}
              onChange={(e) => field('callerNumber', e.target.value)}
            />
            <span className={ownError ? 'field-error' : 'field-hint'}>
              {ownError ?? (own?.ok ? t('phone.normalized', { number: formatPhone(own.number) }) : t('settings.callerNumberHint'))}
            </span>
          </label>
          <label className="field">
            <span>{t('settings.callerAcc')}</span>
            <input
              data-testid="settings-caller-acc"
              value={draft.callerAcc}
              maxLength={CALLER_ACC_MAX_LENGTH}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => field('callerAcc', e.target.value)}
            />
            <span className="field-hint">{t('settings.callerAccHint')}</span>
          </label>
          <label className="field">
            <span>{t('settings.defaultMaxDur')}</span>
            <input
              data-testid="settings-max-dur"
              type="number"
              min={draft.maxDurMin}
              max={draft.maxDurMax}
              step={1}
              value={Number.isFinite(draft.defaultMaxDur) ? draft.defaultMaxDur : ''}
              onChange={(e) => field('defaultMaxDur', e.target.value === '' ? Number.NaN : Number(e.target.value))}
            />
            <span className="field-hint">{t('settings.maxDurRange', { min: draft.maxDurMin, max: draft.maxDurMax })}</span>
          </label>
        </fieldset>
        <fieldset>
          <legend>{t('settings.section.app')}</legend>
          <label className="field">
            <span>{t('settings.mode')}</span>
            <select data-testid="settings-mode" value={draft.mode} onChange={(e) => field('mode', e.target.value as Mode)}>
              <option value="sandbox">{t('mode.sandbox')}</option>
              <option value="production">{t('mode.production')}</option>
            </select>
            <span className="field-hint">{draft.mode === 'sandbox' ? t('mode.sandboxHint') : t('mode.productionHint')}</span>
          </label>
          <label className="field">
            <span>{t('settings.language')}</span>
            <select data-testid="settings-language" value={draft.language} onChange={(e) => field('language', e.target.value as Language)}>
              <option value="zh-CN">{t('settings.languageZh')}</option>
              <option value="en">{t('settings.languageEn')}</option>
            </select>
          </label>
        </fieldset>
        <div className="actions">
          <button type="submit" className="primary" data-testid="settings-save" disabled={saving}>
            {saving ? t('common.saving') : t('common.save')}
          </button>
          {saved && (
            <span className="saved-note" data-testid="settings-saved" role="status">
              {t('common.saved')}
            </span>
          )}
        </div>
      </form>
      {error && <FailureMessage failure={error} testId="settings-failure" />}
    </section>
  );
}
