import { useEffect, useState } from 'react';
import type { Failure } from '../../../../shared/result';
import type { TeamUser } from '../../../../shared/team';
import { invoke } from '../../bridge';
import { FailureMessage } from '../../components/FailureMessage';
import { useT } from '../../i18n/use-t';
import { formatPhone } from '../../lib/phone-format';
import { useTeamStore } from '../../state/team-store';

/**
 * Settings → Team, for an admin: each user's phone, the one the hub rings first when that user
 * places a call (issue 12 §2: "shown, editable by an admin"). The hub checks the role again and
 * validates the number; its refusal is shown under the row.
 */
export function TeamUsers() {
  const t = useT();
  const [users, setUsers] = useState<TeamUser[] | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  useEffect(() => {
    let current = true;
    void invoke('teamUsers', {}).then((r) => {
      if (!current) return;
      if (r.ok) setUsers(r.users);
      else setError(r);
    });
    return () => {
      current = false;
    };
  }, []);
  return (
    <div className="team-users" data-testid="team-users">
      <h3>{t('team.users.title')}</h3>
      <p className="muted">{t('team.users.hint')}</p>
      {error && <FailureMessage failure={error} testId="team-users-failure" />}
      {users && (
        <table>
          <thead>
            <tr>
              <th>{t('team.users.username')}</th>
              <th>{t('team.users.role')}</th>
              <th>{t('team.users.phone')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <UserRow
                key={u.username}
                user={u}
                onSaved={(saved) => setUsers((list) => list && list.map((x) => (x.username === saved.username ? saved : x)))}
              />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function UserRow({ user, onSaved }: { user: TeamUser; onSaved(user: TeamUser): void }) {
  const t = useT();
  const applyStatus = useTeamStore((s) => s.apply);
  const [phone, setPhone] = useState(user.phone);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Failure | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const changed = phone.trim() !== user.phone && phone.trim() !== '';

  async function save() {
    if (busy || !changed) return;
    setBusy(true);
    const r = await invoke('teamUserPhoneSet', { username: user.username, phone: phone.trim() });
    setBusy(false);
    if (!r.ok) {
      setError(r);
      setSaved(null);
      return;
    }
    setError(null);
    setPhone(r.user.phone);
    setSaved(r.user.phone);
    applyStatus(r.team);
    onSaved(r.user);
  }

  return (
    <tr data-testid="team-user-row" data-username={user.username}>
      <td>
        {user.username}
        {user.disabled && <span className="muted"> ({t('team.users.disabled')})</span>}
      </td>
      <td>{t(`team.role.${user.role}`)}</td>
      <td>
        <div
          className="row"
          onKeyDown={(e) => {
            if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
            // Inside the settings page's form: Enter saves this row, never the page.
            e.preventDefault();
            void save();
          }}
        >
          <input
            data-testid="team-user-phone"
            aria-label={t('team.users.phoneOf', { user: user.username })}
            value={phone}
            inputMode="tel"
            onChange={(e) => {
              setPhone(e.target.value);
              setSaved(null);
            }}
          />
          <button type="button" data-testid="team-user-phone-save" disabled={busy || !changed} onClick={() => void save()}>
            {t('team.users.save')}
          </button>
        </div>
        {saved && (
          <span className="muted" role="status" data-testid="team-user-phone-saved">
            {t('team.users.saved', { user: user.username, phone: formatPhone(saved) })}
          </span>
        )}
        {error && <FailureMessage failure={error} testId="team-user-phone-failure" />}
      </td>
    </tr>
  );
}
