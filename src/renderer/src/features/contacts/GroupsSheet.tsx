import { useRef, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ContactGroup } from '../../../../shared/domain';
import type { Failure } from '../../../../shared/result';
import { FailureMessage } from '../../components/FailureMessage';
import { Icon } from '../../components/Icon';
import { Sheet } from '../../components/Sheet';
import { useT } from '../../i18n/use-t';
import { useContactsStore } from '../../state/contacts-store';
import { showToast } from '../../state/toast-store';
import { useContactsUi } from './ui-store';

/** Create, rename and delete groups (dispatch teams). */
export function GroupsSheet() {
  const t = useT();
  const { groups, stats, saveGroup } = useContactsStore(useShallow((s) => ({ groups: s.groups, stats: s.stats, saveGroup: s.saveGroup })));
  const close = () => useContactsUi.getState().setGroupsOpen(false);
  const [name, setName] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const duplicate = groups.some((g) => g.name === name.trim());

  const onCreate = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim() || duplicate) return;
    const r = await saveGroup({ name: name.trim() });
    if (!r.ok) return setFailure(r);
    setFailure(null);
    setName('');
    showToast({ message: { key: 'groups.created', params: { name: r.group.name } }, tone: 'success' });
  };

  return (
    <Sheet title={t('groups.title')} testId="groups-sheet" onClose={close} initialFocus={nameRef}>
      <form className="inline-form" onSubmit={onCreate}>
        <label className="field grow">
          <span>{t('groups.newName')}</span>
          <input ref={nameRef} data-testid="group-new-name" value={name} maxLength={40} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit" className="primary" data-testid="group-create" disabled={!name.trim() || duplicate}>
          <Icon name="plus" />
          <span>{t('groups.create')}</span>
        </button>
      </form>
      {duplicate && <p className="field-error">{t('groups.duplicateName')}</p>}
      {failure && <FailureMessage failure={failure} testId="group-failure" />}
      {groups.length === 0 ? (
        <p className="muted">{t('groups.none')}</p>
      ) : (
        <ul className="group-list">
          {groups.map((g) => (
            <GroupRow key={g.id} group={g} count={stats.groups[g.id] ?? 0} others={groups} />
          ))}
        </ul>
      )}
    </Sheet>
  );
}

function GroupRow({ group, count, others }: { group: ContactGroup; count: number; others: ContactGroup[] }) {
  const t = useT();
  const saveGroup = useContactsStore((s) => s.saveGroup);
  const deleteGroup = useContactsStore((s) => s.deleteGroup);
  const [name, setName] = useState(group.name);
  const [armed, setArmed] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const trimmed = name.trim();
  const clash = trimmed !== group.name && others.some((g) => g.name === trimmed);

  const onRename = async (e: FormEvent) => {
    e.preventDefault();
    if (!trimmed || trimmed === group.name || clash) return;
    const r = await saveGroup({ id: group.id, name: trimmed });
    setFailure(r.ok ? null : r);
  };

  // Deleting a group cannot be undone (memberships go with it), so it takes a second, deliberate click.
  const onDelete = async () => {
    if (!armed) {
      setArmed(true);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setArmed(false), 5000);
      return;
    }
    clearTimeout(timer.current);
    const problem = await deleteGroup(group.id);
    if (problem) {
      setArmed(false);
      setFailure(problem);
    } else {
      showToast({ message: { key: 'groups.deleted', params: { name: group.name } } });
    }
  };

  return (
    <li className="group-row" data-testid="group-row" data-id={group.id}>
      <form className="inline-form" onSubmit={onRename}>
        <label className="field grow">
          <span className="sr-only">{t('groups.rename')}</span>
          <input data-testid="group-rename-input" value={name} maxLength={40} onChange={(e) => setName(e.target.value)} />
        </label>
        <span className="muted nowrap">{t('groups.memberCount', { n: count })}</span>
        <button type="submit" data-testid="group-rename" disabled={!trimmed || trimmed === group.name || clash}>
          {t('groups.rename')}
        </button>
        <button
          type="button"
          className={armed ? 'danger-solid' : 'danger'}
          data-testid="group-delete"
          data-armed={armed || undefined}
          onClick={() => void onDelete()}
        >
          {armed ? t('groups.deleteConfirm', { n: count }) : t('groups.delete')}
        </button>
      </form>
      {clash && <p className="field-error">{t('groups.duplicateName')}</p>}
      {failure && <FailureMessage failure={failure} />}
    </li>
  );
}
