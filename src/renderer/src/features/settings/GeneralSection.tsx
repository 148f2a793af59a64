import { formatMessage } from '../../i18n';
import type { Mode, Settings } from '../../../../shared/domain';
import { normalizePhone, phoneErrorText } from '../../../../shared/phone';
import { CALLER_ACC_MAX_LENGTH } from '../../../../shared/validation';
import type { Language } from '../../../../shared/result';
import { FailureMessage } from '../../components/FailureMessage';
import { useT } from '../../i18n/use-t';
import { formatPhone } from '../../lib/phone-format';
import { useAppStore, useLanguage } from '../../state/app-store';
import { useSettingsDraftStore } from './settings-draft-store';

/** Calls and app settings: fields only; the page's one Save button saves them (SettingsTab). */
export function GeneralSection() {
  const t = useT();
  const lang = useLanguage();
  const saved = useAppStore((s) => s.settings);
  const edits = useSettingsDraftStore((s) => s.general);
  const edit = useSettingsDraftStore((s) => s.editGeneral);
  const error = useSettingsDraftStore((s) => s.errors.general);
  if (!saved) return null;
  // What the form shows: the saved settings under the dispatcher's edits.
  const draft: Settings = { ...saved, ...edits };

  const own = draft.callerNumber.trim() === '' ? null : normalizePhone(draft.callerNumber);
  const ownError = own && !own.ok ? formatMessage(lang, phoneErrorText(own)) : null;

  return (
    <section className="panel settings-panel" aria-labelledby="settings-title" data-testid="settings-section-general">
      <h2 id="settings-title">{t('settings.title')}</h2>
      <div className="settings-form">
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
              onChange={(e) => edit('callerNumber', e.target.value)}
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
              onChange={(e) => edit('callerAcc', e.target.value)}
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
              onChange={(e) => edit('defaultMaxDur', e.target.value === '' ? Number.NaN : Number(e.target.value))}
            />
            <span className="field-hint">{t('settings.maxDurRange', { min: draft.maxDurMin, max: draft.maxDurMax })}</span>
          </label>
        </fieldset>
        <fieldset>
          <legend>{t('settings.section.app')}</legend>
          <label className="field">
            <span>{t('settings.mode')}</span>
            <select data-testid="settings-mode" value={draft.mode} onChange={(e) => edit('mode', e.target.value as Mode)}>
              <option value="sandbox">{t('mode.sandbox')}</option>
              <option value="production">{t('mode.production')}</option>
            </select>
            <span className="field-hint">{draft.mode === 'sandbox' ? t('mode.sandboxHint') : t('mode.productionHint')}</span>
          </label>
          <label className="field">
            <span>{t('settings.language')}</span>
            <select data-testid="settings-language" value={draft.language} onChange={(e) => edit('language', e.target.value as Language)}>
              <option value="zh-CN">{t('settings.languageZh')}</option>
              <option value="en">{t('settings.languageEn')}</option>
            </select>
          </label>
        </fieldset>
      </div>
      {error && <FailureMessage failure={error} testId="settings-failure" />}
    </section>
  );
}
