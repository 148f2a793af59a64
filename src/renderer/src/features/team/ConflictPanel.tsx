import type { Failure } from '../../../../shared/result';
import { useT } from '../../i18n/use-t';
import { formatPhone } from '../../lib/phone-format';

interface Version {
  name: string;
  numbers: { label: string; number: string }[];
  org?: string;
  notes?: string;
}

function asVersion(v: Record<string, unknown>): Version {
  return {
    name: typeof v.name === 'string' ? v.name : '',
    numbers: Array.isArray(v.numbers) ? (v.numbers as Version['numbers']) : [],
    org: typeof v.org === 'string' ? v.org : '',
    notes: typeof v.notes === 'string' ? v.notes : '',
  };
}

function VersionView({ v, testId }: { v: Version; testId: string }) {
  return (
    <dl data-testid={testId}>
      <dt>{v.name}</dt>
      {v.numbers.map((n, i) => (
        <dd key={i}>
          {n.label} {formatPhone(n.number)}
        </dd>
      ))}
      {v.org && <dd>{v.org}</dd>}
      {v.notes && <dd className="muted">{v.notes}</dd>}
    </dl>
  );
}

/**
 * Someone else saved this contact first (team mode): both versions side by side; keeping mine
 * saves it again on top of theirs, taking theirs drops my edit.
 */
export function ConflictPanel({
  conflict,
  mine,
  onKeepMine,
  onTakeTheirs,
}: {
  conflict: NonNullable<Failure['conflict']>;
  mine: Version;
  onKeepMine(): void;
  onTakeTheirs(): void;
}) {
  const t = useT();
  return (
    <section className="panel" role="alert" data-testid="team-conflict">
      <h3>{t('team.conflict.title')}</h3>
      <p>{t('team.err.conflict')}</p>
      <div className="team-conflict">
        <div>
          <h4>{t('team.conflict.mine')}</h4>
          <VersionView v={mine} testId="conflict-mine" />
        </div>
        <div>
          <h4>{t('team.conflict.theirs', { who: conflict.by })}</h4>
          <VersionView v={asVersion(conflict.theirs)} testId="conflict-theirs" />
        </div>
      </div>
      <div className="row">
        <button type="button" className="primary" data-testid="conflict-keep-mine" onClick={onKeepMine}>
          {t('team.conflict.keepMine')}
        </button>
        <button type="button" data-testid="conflict-take-theirs" onClick={onTakeTheirs}>
          {t('team.conflict.takeTheirs')}
        </button>
      </div>
    </section>
  );
}
