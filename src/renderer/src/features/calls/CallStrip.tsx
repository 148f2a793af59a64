import { memo, useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { CallParty, CallLogEntry } from '../../../../shared/domain';
import { failureText } from '../../../../shared/result';
import { Icon } from '../../components/Icon';
import { useT } from '../../i18n/use-t';
import { deriveStripView, type StripItem, type StripView } from '../../lib/call-strip';
import { formatDuration } from '../../lib/format';
import { formatPhone } from '../../lib/phone-format';
import { useLanguage } from '../../state/app-store';
import { useCallsStore } from '../../state/calls-store';
import { redial } from './redial';

/** Every recent call and conference with its live state; always on screen, whatever the tab. */
export function CallStrip() {
  const t = useT();
  const { strip, logById } = useCallsStore(useShallow((s) => ({ strip: s.strip, logById: s.logById })));
  return (
    <section className="call-strip" data-testid="call-strip" aria-label={t('strip.label')} aria-live="polite">
      {strip.length === 0 ? (
        <p className="strip-empty muted">{t('strip.empty')}</p>
      ) : (
        strip.map((item) => <StripCard key={item.key} item={item} entry={item.logId ? logById.get(item.logId) : undefined} />)
      )}
    </section>
  );
}

export function partiesText(parties: readonly CallParty[], max: number, separator: string): string {
  const shown = parties.slice(0, max).map((p) => (p.name ? `${p.name} ${formatPhone(p.number)}` : formatPhone(p.number)));
  return parties.length > max ? `${shown.join(separator)} …(+${parties.length - max})` : shown.join(separator);
}

/** Seconds since `since`, ticking while `running`. */
function useElapsed(since: number, running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [running]);
  return Math.max(0, Math.floor((now - since) / 1000));
}

const StripCard = memo(function StripCard({ item, entry }: { item: StripItem; entry: CallLogEntry | undefined }) {
  const t = useT();
  const lang = useLanguage();
  const dismiss = useCallsStore((s) => s.dismiss);
  const view: StripView = deriveStripView(item, entry);
  const elapsed = useElapsed(item.startedAt, !view.final);
  const errorText = view.error ? failureText(view.error.words, lang) : null;
  const all = view.parties.map((p) => (p.name ? `${p.name} ${formatPhone(p.number)}` : formatPhone(p.number))).join('\n');

  return (
    <article className={`strip-card state-${view.state}`} data-testid="call-strip-item" data-state={view.state} data-kind={view.kind}>
      <header className="strip-head">
        <span className="strip-kind" title={t(view.kind === 'conf' ? 'strip.conf' : 'strip.call')}>
          <Icon name={view.kind === 'conf' ? 'conf' : 'phone'} />
        </span>
        <span className={`state-pill state-${view.state}`} data-testid="call-strip-state">
          {t(`state.${view.state}`)}
        </span>
        <span className="strip-time">{view.final ? '' : formatDuration(elapsed)}</span>
        {(view.final || view.state === 'unknown') && (
          <button type="button" className="strip-redial" data-testid="call-strip-redial" onClick={() => redial(view.kind, view.parties)}>
            <Icon name="redial" />
            <span>{view.kind === 'conf' ? t('strip.rerun') : t('strip.redial')}</span>
          </button>
        )}
        <button
          type="button"
          className="icon-button ghost"
          data-testid="call-strip-dismiss"
          aria-label={t('strip.dismiss')}
          title={t('strip.dismiss')}
          onClick={() => dismiss(item.key)}
        >
          <Icon name="close" />
        </button>
      </header>
      <div className="strip-who" title={all} data-testid="call-strip-who">
        {view.kind === 'conf' && <span className="muted">{t('strip.confCount', { n: view.parties.length })} </span>}
        {partiesText(view.parties, view.kind === 'conf' ? 2 : 1, t('common.listSeparator'))}
      </div>
      <div className="strip-meta">
        {view.session && (
          <span className="mono" data-testid="call-strip-session" title={t('strip.session')}>
            #{view.session}
          </span>
        )}
        {view.hangCause && <span data-testid="call-strip-hangcause">{t('status.hangCause', { cause: view.hangCause })}</span>}
        {view.state === 'ended' && view.durationSec !== undefined && <span>{t('status.duration', { time: formatDuration(view.durationSec) })}</span>}
      </div>
      {errorText && (
        <p className="strip-error" data-testid="call-strip-error" data-code={view.error?.code} role="alert">
          {errorText}
        </p>
      )}
    </article>
  );
});
