import { formatMessage } from '../../i18n';
import { useState, type FormEvent } from 'react';
import { normalizePhone, phoneErrorText } from '../../../../shared/phone';
import type { Failure } from '../../../../shared/result';
import { FailureMessage } from '../../components/FailureMessage';
import { useT } from '../../i18n/use-t';
import { formatPhone } from '../../lib/phone-format';
import { useAppStore, useLanguage } from '../../state/app-store';
import { isTeamActive, useTeamStore } from '../../state/team-store';

/** First run: no calls can be placed until the dispatcher's own number is known. */
export function SetupPrompt() {
  const t = useT();
  const lang = useLanguage();
  const callerNumber = useAppStore((s) => s.settings?.callerNumber ?? null);
  const saveSettings = useAppStore((s) => s.saveSettings);
  const setTab = useAppStore((s) => s.setTab);
  const [value, setValue] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  // In team mode the hub rings the phone an admin set on the dispatcher's account.
  const team = useTeamStore((s) => isTeamActive(s.status));
  if (team || callerNumber === null || callerNumber !== '') return null;

  const parsed = value.trim() === '' ? null : normalizePhone(value);
  const error = parsed && !parsed.ok ? formatMessage(lang, phoneErrorText(parsed)) : null;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!parsed || !parsed.ok || busy) return;
    setBusy(true);
    const problem = await saveSettings({ callerNumber: parsed.number });
    setBusy(false);
    setFailure(problem);
  }

  return (
    <section className="setup-prompt" data-testid="setup-prompt" aria-labelledby="setup-title">
      <div>
        <h2 id="setup-title">{t('setup.title')}</h2>
        <p>{t('setup.body')}</p>
      </div>
      <form onSubmit={onSubmit} className="setup-form">
        <label className="field">
          <span>{t('settings.callerNumber')}</span>
          <input
            data-testid="setup-caller-number"
            value={value}
            inputMode="tel"
            autoComplete="off"
            placeholder={t('setup.placeholder')}
            aria-invalid={error ? true : undefined}
            onChange={(e) => setValue(e.target.value)}
          />
        </label>
        <button type="submit" className="primary" data-testid="setup-save" disabled={!parsed?.ok || busy}>
          {t('common.save')}
        </button>
        <button type="button" className="link" data-testid="setup-open-settings" onClick={() => setTab('settings')}>
          {t('setup.openSettings')}
        </button>
        <p className={error ? 'field-error' : 'field-hint'} data-testid="setup-hint">
          {error ?? (parsed?.ok ? t('phone.normalized', { number: formatPhone(parsed.number) }) : t('setup.hint'))}
        </p>
      </form>
      {failure && <FailureMessage failure={failure} testId="setup-failure" />}
    </section>
  );
}
