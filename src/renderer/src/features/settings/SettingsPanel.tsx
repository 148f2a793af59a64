import { useEffect, useState, type FormEvent } from 'react';
import type { Mode, Settings } from '../../../../shared/domain';
import type { Failure, Language } from '../../../../shared/result';
import { FailureMessage } from '../../components/FailureMessage';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../state/app-store';

export function SettingsPanel() {
  const t = useT();
  const settings = useAppStore((s) => s.settings);
  const saveSettings = useAppStore((s) => s.saveSettings);
  const [draft, setDraft] = useState<Settings | null>(settings);
  const [error, setError] = useState<Failure | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => setDraft(settings), [settings]);
  if (!draft) return null;

  const field = <K extends keyof Settings>(key: K, value: Settings[K]) => {
    setSaved(false);
    setDraft({ ...draft, [key]: value });
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    const problem = await saveSettings(draft);
    setError(problem);
    setSaved(problem === null);
  }

  return (
    <section className="panel" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settings.title')}</h2>
      <form onSubmit={onSubmit} className="grid-form">
        <label>
          {t('settings.callerNumber')}
          <input data-testid="settings-caller-number" value={draft.callerNumber} inputMode="tel"
            onChange={(e) => field('callerNumber', e.target.value)} />
        </label>
        <label>
          {t('settings.callerAcc')}
          <input data-testid="settings-caller-acc" value={draft.callerAcc} onChange={(e) => field('callerAcc', e.target.value)} />
        </label>
        <label>
          {t('settings.defaultMaxDur')}
          <input data-testid="settings-max-dur" type="number" value={draft.defaultMaxDur}
            onChange={(e) => field('defaultMaxDur', Number(e.target.value))} />
          <small>{t('settings.maxDurRange', { min: draft.maxDurMin, max: draft.maxDurMax })}</small>
        </label>
        <label>
          {t('settings.mode')}
          <select data-testid="settings-mode" value={draft.mode} onChange={(e) => field('mode', e.target.value as Mode)}>
            <option value="sandbox">{t('mode.sandbox')}</option>
            <option value="production">{t('mode.production')}</option>
          </select>
        </label>
        <label>
          {t('settings.language')}
          <select data-testid="settings-language" value={draft.language}
            onChange={(e) => field('language', e.target.value as Language)}>
            <option value="zh-CN">简体中文</option>
            <option value="en">English</option>
          </select>
        </label>
        <label>
          {t('settings.baseUrl')}
          <input data-testid="settings-base-url" value={draft.baseUrl} onChange={(e) => field('baseUrl', e.target.value)} />
        </label>
        <div className="actions">
          <button type="submit" data-testid="settings-save">{t('common.save')}</button>
          {saved && <span data-testid="settings-saved">{t('common.saved')}</span>}
        </div>
      </form>
      {error && <FailureMessage failure={error} testId="settings-failure" />}
    </section>
  );
}
