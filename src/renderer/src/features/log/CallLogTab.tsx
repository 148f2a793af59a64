import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { CallLogEntry } from '../../../../shared/domain';
import { calleeLegs, outcomeOf } from '../../../../shared/call-outcome';
import { formatMessage } from '../../../../shared/i18n';
import { failureText } from '../../../../shared/result';
import { invoke } from '../../bridge';
import { FailureMessage } from '../../components/FailureMessage';
import { Icon } from '../../components/Icon';
import { useT } from '../../i18n/use-t';
import { downloadText } from '../../lib/download';
import { formatDuration, formatTime } from '../../lib/format';
import { EMPTY_LOG_FILTER, filterLog, isFailed, logSearchIndex, type LogFilter, type LogResultFilter } from '../../lib/log-filter';
import { contactByNumber } from '../../lib/search/contact-search-view';
import { useContactsStore } from '../../state/contacts-store';
import { partyLabel } from '../../lib/party-label';
import { currentLanguage, useLanguage } from '../../state/app-store';
import { useCallsStore } from '../../state/calls-store';
import { useLogFocusStore } from '../../state/log-focus-store';
import { showToast } from '../../state/toast-store';
import { CallPeople } from '../calls/CallPeople';
import { redial } from '../calls/redial';
import { DispatcherFilter, useDefaultDispatcher } from '../team/DispatcherFilter';
import { byDispatcher } from '../team/team-log';
import { SessionCopy } from '../calls/SessionCopy';

const ROW_HEIGHT = 60;

export function CallLogTab() {
  const t = useT();
  const { log, logStatus, logError, refreshLog } = useCallsStore(
    useShallow((s) => ({ log: s.log, logStatus: s.logStatus, logError: s.logError, refreshLog: s.refreshLog })),
  );
  const [filter, setFilter] = useState<LogFilter>(EMPTY_LOG_FILTER);
  const deferred = useDeferredValue(filter);
  // Team mode: my calls by default; a supervisor picks another dispatcher or the whole team.
  const [dispatcher, setDispatcher] = useState(useDefaultDispatcher());
  // Pinyin and contact names come from the contacts: the index is built only while searching.
  const view = useContactsStore((s) => s.view);
  const searching = deferred.text.trim() !== '';
  const index = useMemo(() => (searching ? logSearchIndex(log, (n) => (view ? contactByNumber(view, n) : undefined)) : null), [log, view, searching]);
  const shown = useMemo(() => filterLog(byDispatcher(log, dispatcher) as CallLogEntry[], deferred, index), [log, deferred, dispatcher, index]);
  const [exporting, setExporting] = useState(false);
  const parentRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => parentRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (i) => shown[i].id,
    overscan: 8,
  });

  const onExport = async () => {
    if (exporting) return;
    setExporting(true);
    const r = await invoke('callLogExport', { lang: currentLanguage() });
    setExporting(false);
    if (!r.ok) return void showToast({ message: { failure: r }, tone: 'error' });
    downloadText(r.fileName, r.csv);
    showToast({ message: { key: 'log.exported', params: { file: r.fileName } }, tone: 'success' });
  };

  const filtered = filter.text !== '' || filter.date !== '' || filter.result !== 'all';

  // A clicked notification asks for an entry: a filter that hides it is cleared (adjusted during
  // render), then the list scrolls to the row, which stays highlighted.
  const focus = useLogFocusStore(useShallow((s) => ({ entryId: s.entryId, seq: s.seq })));
  const [focusHandled, setFocusHandled] = useState(0);
  if (focus.seq !== focusHandled) {
    setFocusHandled(focus.seq);
    if (filtered && !filterLog(log, filter).some((e) => e.id === focus.entryId)) setFilter(EMPTY_LOG_FILTER);
  }
  const focusIndex = focus.entryId === null ? -1 : shown.findIndex((e) => e.id === focus.entryId);
  const focusFound = focusIndex >= 0;
  useEffect(() => {
    if (focusFound) virtualizer.scrollToIndex(focusIndex, { align: 'center' });
    // Once per request (seq) or when the entry first appears, not whenever the list moves under it.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- scrolling again on every log change would fight the dispatcher's own scrolling
  }, [focus.seq, focusFound]);
  return (
    <div className="log-tab">
      <div className="log-toolbar" role="search">
        <label className="field grow">
          <span>{t('log.filterText')}</span>
          <input
            data-testid="log-filter-text"
            type="search"
            value={filter.text}
            placeholder={t('log.filterTextPlaceholder')}
            data-focus-home
            onChange={(e) => setFilter({ ...filter, text: e.target.value })}
          />
        </label>
        <label className="field">
          <span>{t('log.filterDate')}</span>
          <input data-testid="log-filter-date" type="date" value={filter.date} onChange={(e) => setFilter({ ...filter, date: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('log.filterResult')}</span>
          <select data-testid="log-filter-result" value={filter.result} onChange={(e) => setFilter({ ...filter, result: e.target.value as LogResultFilter })}>
            <option value="all">{t('log.result.all')}</option>
            <option value="ok">{t('log.result.ok')}</option>
            <option value="failed">{t('log.result.failed')}</option>
          </select>
        </label>
        <DispatcherFilter log={log} value={dispatcher} onChange={setDispatcher} />
        {filtered && (
          <button type="button" className="ghost" data-testid="log-filter-clear" onClick={() => setFilter(EMPTY_LOG_FILTER)}>
            {t('log.clearFilters')}
          </button>
        )}
        <span className="log-count muted" data-testid="log-count">
          {filtered ? t('log.countFiltered', { n: shown.length, total: log.length }) : t('log.count', { n: log.length })}
        </span>
        <button type="button" data-testid="log-export" onClick={() => void onExport()} disabled={exporting}>
          <Icon name="download" />
          <span>{t('log.export')}</span>
        </button>
      </div>

      {logStatus === 'error' && logError && (
        <div className="list-state">
          <FailureMessage failure={logError} testId="log-failure" />
          <button type="button" onClick={() => void refreshLog()}>
            {t('common.retry')}
          </button>
        </div>
      )}

      <div className="log-table" role="table" aria-label={t('tabs.log')} aria-rowcount={shown.length + 1}>
        <div className="log-row log-head" role="row">
          <span role="columnheader">{t('log.col.time')}</span>
          <span role="columnheader">{t('log.col.who')}</span>
          <span role="columnheader">{t('log.col.result')}</span>
          <span role="columnheader">{t('outcome.details.people')}</span>
          <span role="columnheader">{t('log.col.session')}</span>
          <span role="columnheader" className="num">
            {t('log.col.duration')}
          </span>
          <span role="columnheader">{t('outcome.details')}</span>
          <span role="columnheader" className="sr-only">
            {t('log.col.actions')}
          </span>
        </div>
        <div className="log-body" ref={parentRef}>
          {shown.length === 0 && logStatus !== 'loading' && (
            <p className="list-state" data-testid="log-empty">
              {log.length === 0 ? t('log.empty') : t('log.noMatch')}
            </p>
          )}
          {logStatus === 'loading' && log.length === 0 && <p className="list-state">{t('log.loading')}</p>}
          <div className="log-body-inner" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((v) => (
              <LogRow key={v.key} entry={shown[v.index]} top={v.start} focused={shown[v.index].id === focus.entryId} />
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}

const LogRow = memo(function LogRow({ entry, top, focused }: { entry: CallLogEntry; top: number; focused: boolean }) {
  const t = useT();
  const lang = useLanguage();
  const failed = isFailed(entry);
  const who = entry.parties.map((p) => partyLabel(p, lang));
  const errorText = entry.error ? failureText(entry.error, lang) : '';
  const outcome = outcomeOf(entry);
  const f = (m: Parameters<typeof formatMessage>[1]) => formatMessage(lang, m);
  const legs = calleeLegs(entry);
  const answered = legs.filter((l) => l.answered === true).length;
  // A conference's wall-clock length, not its legs summed; a call's own duration.
  const shownSec = entry.kind === 'conf' ? entry.wallSec : entry.durationSec;
  const detailsId = `log-details-${entry.id}`;
  return (
    <div
      className={`log-row${failed ? ' failed' : ''}${focused ? ' focused' : ''}`}
      role="row"
      aria-current={focused ? 'true' : undefined}
      data-testid="log-row"
      data-state={entry.state}
      data-id={entry.id}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
    >
      <span role="cell" className="log-time" title={new Date(entry.createdAt).toLocaleString(lang)}>
        {formatTime(entry.createdAt)}
        {entry.mode === 'sandbox' && <span className="mode-tag">{t('log.sandboxTag')}</span>}
        {entry.dispatcher && (
          <span className="mode-tag" data-testid="log-dispatcher">
            {entry.dispatcher}
          </span>
        )}
      </span>
      <span role="cell" className="log-who" title={who.join('\n')}>
        <Icon name={entry.kind === 'conf' ? 'conf' : 'phone'} />
        <span className="clamp">
          {entry.kind === 'conf' && <span className="muted">{t('strip.confCount', { n: entry.parties.length })} </span>}
          {who.join(t('common.listSeparator'))}
        </span>
      </span>
      <span role="cell" className="log-result" title={errorText || f(outcome.reason?.meaning ?? outcome.meaning)}>
        <span className={`state-pill state-${entry.state}`} data-testid="log-outcome" data-phase={outcome.phase} data-result={outcome.result}>
          {f(outcome.words)}
        </span>
        {failed ? (
          <span className="result-failed clamp" data-testid="log-error">
            <strong>{f(outcome.reason?.words ?? outcome.words)}</strong> {errorText}
          </span>
        ) : (
          outcome.reason && (
            <span className="clamp small" data-testid="log-reason" data-code={outcome.reason.code}>
              {f(outcome.reason.words)}
            </span>
          )
        )}
      </span>
      <span role="cell" className="small" data-testid="log-people-count">
        {legs.length > 0 ? t('outcome.answeredCount', { answered, total: entry.parties.length }) : '—'}
      </span>
      <span role="cell" className="log-session">
        {entry.session ? <SessionCopy session={entry.session} testId="log-session" /> : '—'}
      </span>
      <span role="cell" className="num" data-testid="log-duration">
        {shownSec !== undefined ? formatDuration(shownSec) : '—'}
      </span>
      <span role="cell">
        <button type="button" className="ghost small" data-testid="log-details" popoverTarget={detailsId}>
          {t('outcome.details')}
        </button>
        <div id={detailsId} popover="auto" className="log-details" data-testid="log-details-panel" role="dialog" aria-label={t('outcome.details.title')}>
          <h3>{t('outcome.details.title')}</h3>
          <p>
            <strong>{f(outcome.words)}</strong> — {errorText || f(outcome.reason?.meaning ?? outcome.meaning)}
          </p>
          <CallPeople facts={entry} now={entry.updatedAt} testId="log-people" />
          <dl className="log-details-codes">
            <dt>{t('outcome.details.rawState')}</dt>
            <dd className="mono">{entry.state}</dd>
            {entry.status && (
              <>
                <dt>{t('outcome.details.rawStatus')}</dt>
                <dd className="mono">{entry.status}</dd>
              </>
            )}
            {entry.hangCause && (
              <>
                <dt>{t('outcome.details.rawCause')}</dt>
                <dd className="mono" data-testid="log-details-cause">
                  {entry.hangCause}
                </dd>
              </>
            )}
            {entry.error && (
              <>
                <dt>{t('outcome.details.rawError')}</dt>
                <dd className="mono">{String(entry.error.code)}</dd>
              </>
            )}
            <dt>{t('outcome.details.maxDur')}</dt>
            <dd>
              {entry.perPersonSec !== undefined
                ? t('conftime.totalValue', {
                    total: formatDuration(entry.maxDur),
                    legs: entry.parties.length + 1,
                    per: formatDuration(entry.perPersonSec),
                    sec: entry.maxDur,
                  })
                : `${entry.maxDur} s`}
            </dd>
            {entry.session && (
              <>
                <dt>{t('outcome.details.session')}</dt>
                <dd className="mono small">{entry.session}</dd>
              </>
            )}
          </dl>
        </div>
      </span>
      <span role="cell" className="log-actions">
        <button
          type="button"
          data-testid="log-redial"
          onClick={() => redial(entry.kind, entry.parties, { key: 'confirm.fromLog', params: { time: formatTime(entry.createdAt) } })}
        >
          <Icon name="redial" />
          <span>{entry.kind === 'conf' ? t('log.rerun') : t('log.redial')}</span>
        </button>
      </span>
    </div>
  );
});
