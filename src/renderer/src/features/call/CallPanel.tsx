import { useRef, useState, type FormEvent } from 'react';
import type { Failure } from '../../../../shared/result';
import { bridge } from '../../bridge';
import { FailureMessage } from '../../components/FailureMessage';
import { useT } from '../../i18n/use-t';
import { SessionStatusLine } from './SessionStatusLine';

export function CallPanel() {
  const t = useT();
  const [callee, setCallee] = useState('');
  const [session, setSession] = useState<string | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // A ref, not state: a second click in the same frame must see the first one.
  const inFlight = useRef(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (inFlight.current) return;
    inFlight.current = true;
    setSubmitting(true);
    setError(null);
    setSession(null);
    try {
      const result = await bridge().startCall({ callee });
      if (result.ok) setSession(result.session);
      else setError(result);
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="call-title">
      <h2 id="call-title">{t('call.title')}</h2>
      <form onSubmit={onSubmit}>
        <label>
          {t('call.callee')}
          <input
            data-testid="call-callee"
            value={callee}
            onChange={(e) => setCallee(e.target.value)}
            placeholder={t('call.placeholder')}
            inputMode="tel"
            autoComplete="off"
          />
        </label>
        <button type="submit" data-testid="call-start" disabled={submitting}>
          {submitting ? t('call.submitting') : t('call.start')}
        </button>
      </form>
      {error && <FailureMessage failure={error} testId="call-failure" />}
      {session && <SessionStatusLine session={session} type="call" />}
    </section>
  );
}
