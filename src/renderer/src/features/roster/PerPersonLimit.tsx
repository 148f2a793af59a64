/**
 * The conference's limit per person, next to the roster it applies to. Saved in main's settings
 * as soon as a valid value is committed (Enter or leaving the field), so it survives restarts and
 * does not wait for the Settings page's Save. Shows what it means for the roster being built:
 * maxDur = limit × legs (callees + the host), because the vendor counts every leg.
 */
import { useState } from 'react';
import { conferenceLegs, conferenceMaxDur, CONF_PER_PERSON_DEFAULT_SEC, validatePerPersonLimit } from '../../../../shared/conference-time';
import { failureText } from '../../../../shared/result';
import { useT } from '../../i18n/use-t';
import { formatDuration } from '../../lib/format';
import { useAppStore, useLanguage } from '../../state/app-store';

export function PerPersonLimit({ callees }: { callees: number }) {
  const t = useT();
  const lang = useLanguage();
  const settings = useAppStore((s) => s.settings);
  const saveSettings = useAppStore((s) => s.saveSettings);
  const saved = settings?.confPerPersonSec ?? CONF_PER_PERSON_DEFAULT_SEC;
  // What the dispatcher is typing; null shows the saved value (also after another window changed it).
  const [draft, setDraft] = useState<string | null>(null);
  const typed = draft ?? String(saved / 60);
  const [error, setError] = useState<string | null>(null);

  const commit = async () => {
    if (!settings) return;
    const minutes = Number(typed.trim());
    const sec = Math.round(minutes * 60);
    const range = { min: settings.maxDurMin, max: settings.maxDurMax };
    const refused = typed.trim() === '' || !Number.isFinite(minutes) ? validatePerPersonLimit(Number.NaN, range) : validatePerPersonLimit(sec, range);
    if (refused) return setError(failureText(refused, lang));
    setError(null);
    if (sec === saved) return setDraft(null);
    const failed = await saveSettings({ confPerPersonSec: sec });
    if (failed) setError(failureText(failed, lang));
    else setDraft(null);
  };

  const legs = conferenceLegs(Math.max(callees, 1));
  const total = conferenceMaxDur(saved, Math.max(callees, 1));
  return (
    <div className="per-person-limit" data-testid="per-person-limit">
      <label className="per-person-field">
        <span>{t('conftime.perPerson')}</span>
        <input
          data-testid="per-person-input"
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          value={typed}
          aria-invalid={error !== null}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => void commit()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void commit();
            }
          }}
        />
        <span>{t('conftime.minutes')}</span>
      </label>
      <p className="muted small" data-testid="per-person-hint">
        {t('conftime.perPersonHint', { per: formatDuration(saved), legs, callees: Math.max(callees, 1), total: formatDuration(total), sec: total })}
      </p>
      {error && (
        <p className="field-error" role="alert" data-testid="per-person-error">
          {error}
        </p>
      )}
    </div>
  );
}
