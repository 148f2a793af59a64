import { useRef, useState, type FormEvent } from 'react';
import { MAX_CONFERENCE_CALLEES } from '../../../../shared/limits';
import type { Failure } from '../../../../shared/result';
import { bridge } from '../../bridge';
import { FailureMessage } from '../../components/FailureMessage';
import { useT } from '../../i18n/use-t';
import { SessionStatusLine } from './SessionStatusLine';

export function ConferencePanel() {
  const t = useT();
  const [text, setText] = useState('');
  const [session, setSession] = useState<string | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const inFlight = useRef(false);
  const callees = text
    .split(/[\n,;，；]+/)
    .map((s) => s.trim())
    .filter(Boolean);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (inFlight.current) return;
    inFlight.current = true;
    setSubmitting(true);
    setError(null);
    setSession(null);
    try {
      const result = await bridge().startConf({ callees });
      if (result.ok) setSession(result.session);
      else setError(result);
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="conf-title">
      <h2 id="conf-title">{t('conf.title')}</h2>
      <form onSubmit={onSubmit}>
        <label>
          {t('conf.callees', { max: MAX_CONFERENCE_CALLEES })}
          <textarea data-testid="conf-callees" rows={4} value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <span data-testid="conf-count">{t('conf.count', { n: callees.length, max: MAX_CONFERENCE_CALLEES })}</span>
        <button type="submit" data-testid="conf-start" disabled={submitting}>
          {submitting ? t('call.submitting') : t('conf.start')}
        </button>
      </form>
      {error && <FailureMessage failure={error} testId="conf-failure" />}
      {session && <SessionStatusLine session={session} type="conf" />}
    </section>
  );
}
