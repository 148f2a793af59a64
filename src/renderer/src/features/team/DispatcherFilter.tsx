import type { CallLogEntry } from '../../../../shared/domain';
import { isStaffRole } from '../../../../shared/team';
import { useT } from '../../i18n/use-t';
import { isTeamActive, useTeamStore } from '../../state/team-store';
import { dispatchersIn } from './team-log';

/**
 * The log's dispatcher filter in team mode, for supervisors and admins (a dispatcher's log holds
 * only their own calls). `value` '' is the whole team.
 */
export function DispatcherFilter({ log, value, onChange }: { log: readonly CallLogEntry[]; value: string; onChange(value: string): void }) {
  const t = useT();
  const status = useTeamStore((s) => s.status);
  if (!isTeamActive(status) || !isStaffRole(status?.role)) return null;
  const names = dispatchersIn(log);
  const me = status?.username ?? '';
  return (
    <label className="field">
      <span>{t('team.log.dispatcher')}</span>
      <select data-testid="log-filter-dispatcher" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('team.log.anyDispatcher')}</option>
        <option value={me}>{t('team.log.mine')}</option>
        {names
          .filter((n) => n !== me)
          .map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
      </select>
    </label>
  );
}

/** The dispatcher filter's start value: my calls by default (supervisors switch to the team). */
export function useDefaultDispatcher(): string {
  const status = useTeamStore((s) => s.status);
  return isTeamActive(status) && isStaffRole(status?.role) ? (status?.username ?? '') : '';
}
