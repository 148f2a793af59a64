import { useEffect, useState } from 'react';
import type { Failure } from '../../../../shared/result';
import type { TeamDayCounts } from '../../../../shared/team';
import { invoke } from '../../bridge';
import { FailureMessage } from '../../components/FailureMessage';
import { useT } from '../../i18n/use-t';
import { formatTime } from '../../lib/format';
import { partyLabel } from '../../lib/party-label';
import { useLanguage } from '../../state/app-store';
import { useCallsStore } from '../../state/calls-store';
import { inProgress } from './team-log';

/**
 * The supervisor's live board: calls and conferences in progress across the team (who, whom,
 * since when) and today's counts. It reads the team log that main keeps up to date from the hub's
 * events, so it changes without a reload; a clock tick only ages out calls whose bill is overdue.
 * Today's counts are the hub's (every call of the day in the centre's time zone, not the log's
 * newest page): asked again whenever the log changes, and when the day may have turned.
 */
export function BoardTab() {
  const t = useT();
  const lang = useLanguage();
  const log = useCallsStore((s) => s.log);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  const live = inProgress(log, now);
  const [counts, setCounts] = useState<TeamDayCounts | null>(null);
  const [countsError, setCountsError] = useState<Failure | null>(null);
  const minute = Math.floor(now / 60_000);
  useEffect(() => {
    let current = true;
    void invoke('teamTodayCounts', {}).then((r) => {
      if (!current) return;
      if (r.ok) {
        setCounts(r.counts);
        setCountsError(null);
      } else setCountsError(r);
    });
    return () => {
      current = false;
    };
  }, [log, minute]);
  return (
    <div className="team-board" data-testid="team-board">
      <section aria-labelledby="board-live">
        <h2 id="board-live">{t('team.board.title')}</h2>
        {live.length === 0 ? (
          <p className="muted" data-testid="board-empty">
            {t('team.board.none')}
          </p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>{t('team.log.dispatcher')}</th>
                <th>{t('log.col.who')}</th>
                <th>{t('log.col.time')}</th>
              </tr>
            </thead>
            <tbody>
              {live.map((e) => (
                <tr key={e.id} data-testid="board-live-row" data-id={e.id}>
                  <td>{e.dispatcher}</td>
                  <td>{e.parties.map((p) => partyLabel(p, lang)).join(t('common.listSeparator'))}</td>
                  <td>{t('team.board.since', { time: formatTime(e.createdAt) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="board-today">
        <h2 id="board-today">{t('team.board.today')}</h2>
        {countsError && <FailureMessage failure={countsError} testId="board-counts-failure" />}
        {counts && (
          <div className="counts" data-testid="board-counts" data-day={counts.day}>
            <strong>{t('team.board.calls', { count: counts.calls })}</strong>
            <span>{t('team.board.connected', { count: counts.connected })}</span>
            <span>{t('team.board.failed', { count: counts.failed })}</span>
          </div>
        )}
        {counts && counts.byDispatcher.length > 0 && (
          <table>
            <thead>
              <tr>
                <th>{t('team.board.byDispatcher')}</th>
                <th>{t('team.board.calls', { count: '' })}</th>
                <th>{t('team.board.connected', { count: '' })}</th>
              </tr>
            </thead>
            <tbody>
              {counts.byDispatcher.map((row) => (
                <tr key={row.dispatcher} data-testid="board-dispatcher-row">
                  <td>{row.dispatcher}</td>
                  <td className="num">{row.calls}</td>
                  <td className="num">{row.connected}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
