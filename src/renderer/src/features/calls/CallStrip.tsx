import { memo, useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CONF_WARNING_SEC, conferenceSecondsLeft } from '../../../../shared/conference-time';
import type { CallParty, CallLogEntry } from '../../../../shared/domain';
import { formatMessage, type Language } from '../../../../shared/i18n';
import { failureText } from '../../../../shared/result';
import { Icon } from '../../components/Icon';
import { useT } from '../../i18n/use-t';
import { deriveStripView, type StripItem, type StripView } from '../../lib/call-strip';
import { formatDuration } from '../../lib/format';
import { partyLabel } from '../../lib/party-label';
import { useLanguage } from '../../state/app-store';
import { useCallsStore } from '../../state/calls-store';
import { useRosterStore } from '../../state/roster-store';
import { CallPeople } from './CallPeople';
import { SessionCopy } from './SessionCopy';
import { redial } from './redial';
import { useSteadyHeight } from './use-steady-height';

/** Every recent call and conference with its live state; always on screen, whatever the tab. */
export function CallStrip() {
  const t = useT();
  const { strip, logById } = useCallsStore(useShallow((s) => ({ strip: s.strip, logById: s.logById })));
  // The dock holds the strip's height on screen; it follows the strip only when that cannot move
  // what is under the pointer (a call starting or ending while the dispatcher clicks down the list).
  const { dock, content } = useSteadyHeight<HTMLDivElement, HTMLElement>();
  return (
    <div className="strip-dock" ref={dock} data-testid="call-strip-dock">
      <section className="call-strip" ref={content} data-testid="call-strip" aria-label={t('strip.label')} aria-live="polite">
        {strip.length === 0 ? (
          <p className="strip-empty muted">{t('strip.empty')}</p>
        ) : (
          strip.map((item) => <StripCard key={item.key} item={item} entry={item.logId ? logById.get(item.logId) : undefined} />)
        )}
      </section>
    </div>
  );
}

export function partiesText(parties: readonly CallParty[], max: number, separator: string, lang: Language): string {
  const shown = parties.slice(0, max).map((p) => partyLabel(p, lang));
  return parties.length > max ? `${shown.join(separator)} …(+${parties.length - max})` : shown.join(separator);
}

/** The clock, ticking every second while `running`. */
function useNow(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [running]);
  return now;
}

/**
 * Extending a conference: the API has no such operation, so it is a new conference with the same
 * people and the same limit per person — through the normal confirmation, never on its own.
 */
function extendConference(parties: readonly CallParty[], perPersonSec: number | undefined): void {
  useRosterStore.getState().openConfirm({
    members: parties.map((p) => ({ name: p.name ?? '', number: p.number, ...(p.extension ? { extension: p.extension } : {}) })),
    origin: { key: 'conftime.extendOrigin' },
    perPersonSec,
  });
}

const StripCard = memo(function StripCard({ item, entry }: { item: StripItem; entry: CallLogEntry | undefined }) {
  const t = useT();
  const lang = useLanguage();
  const dismiss = useCallsStore((s) => s.dismiss);
  const view: StripView = deriveStripView(item, entry);
  const now = useNow(!view.final);
  const elapsed = Math.max(0, Math.floor((now - item.startedAt) / 1000));
  const errorText = view.error ? failureText(view.error.words, lang) : null;
  const all = view.parties.map((p) => partyLabel(p, lang)).join('\n');
  const f = (m: Parameters<typeof formatMessage>[1]) => formatMessage(lang, m);
  // A conference's countdown: the budget left, shared by the legs talking now [inf].
  const secondsLeft =
    view.kind === 'conf' && view.state === 'answered' && view.maxDur !== undefined && view.legs
      ? conferenceSecondsLeft(view.maxDur, view.legs, now)
      : undefined;
  const warn = secondsLeft !== undefined && secondsLeft <= CONF_WARNING_SEC;
  // Conference: its wall-clock length (the bill's durationSec sums the legs); call: its own duration.
  const shownSec = view.kind === 'conf' ? view.wallSec : view.durationSec;

  return (
    <article
      className={`strip-card state-${view.state}${warn ? ' strip-warn' : ''}`}
      data-testid="call-strip-item"
      data-state={view.state}
      data-kind={view.kind}
    >
      <header className="strip-head">
        <span className="strip-kind" title={t(view.kind === 'conf' ? 'strip.conf' : 'strip.call')}>
          <Icon name={view.kind === 'conf' ? 'conf' : 'phone'} />
        </span>
        <span
          className={`state-pill state-${view.state}`}
          data-testid="call-strip-state"
          data-phase={view.outcome.phase}
          data-result={view.outcome.result}
          title={f(view.outcome.meaning)}
        >
          {f(view.outcome.words)}
        </span>
        <span className="strip-time">{view.final ? '' : formatDuration(elapsed)}</span>
        {secondsLeft !== undefined && (
          <span
            className="strip-countdown"
            data-testid="call-strip-countdown"
            data-seconds={secondsLeft}
            title={t('conftime.remainingTitle', { sec: view.maxDur ?? 0 })}
          >
            {t('conftime.remaining', { time: formatDuration(secondsLeft) })}
          </span>
        )}
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
        {partiesText(view.parties, view.kind === 'conf' ? 2 : 1, t('common.listSeparator'), lang)}
      </div>
      {!item.submitting && !view.error && (
        <CallPeople
          facts={{ kind: view.kind, state: entry?.state ?? 'submitted', caller: view.caller, parties: view.parties, legs: view.legs }}
          now={now}
          testId="call-strip-people"
        />
      )}
      <div className="strip-meta">
        {view.outcome.reason && !view.error && (
          <span data-testid="call-strip-reason" data-code={view.outcome.reason.code} title={f(view.outcome.reason.meaning)}>
            {f(view.outcome.reason.words)}
          </span>
        )}
        {view.state === 'ended' && shownSec !== undefined && (
          <span data-testid="call-strip-duration" data-seconds={shownSec}>
            {view.kind === 'conf' ? t('outcome.wall', { time: formatDuration(shownSec) }) : t('outcome.talk', { time: formatDuration(shownSec) })}
          </span>
        )}
        {view.session && <SessionCopy session={view.session} testId="call-strip-session" />}
      </div>
      {warn && secondsLeft !== undefined && (
        <p className="strip-warning" role="alert" data-testid="call-strip-warning">
          <Icon name="warn" />
          <span>{t('conftime.warning', { time: formatDuration(secondsLeft) })}</span>
          <button
            type="button"
            data-testid="call-strip-extend"
            title={t('conftime.extendTitle')}
            onClick={() => extendConference(view.parties, view.perPersonSec)}
          >
            {t('conftime.extend')}
          </button>
        </p>
      )}
      {errorText && (
        <p className="strip-error" data-testid="call-strip-error" data-code={view.error?.code} role="alert">
          <strong>{f(view.outcome.reason?.words ?? view.outcome.words)}</strong> {errorText}
        </p>
      )}
    </article>
  );
});
