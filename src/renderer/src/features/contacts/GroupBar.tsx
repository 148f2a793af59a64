import { useShallow } from 'zustand/react/shallow';
import { Icon } from '../../components/Icon';
import { useT } from '../../i18n/use-t';
import type { ContactFilter } from '../../lib/search/contact-search-view';
import { useContactsStore } from '../../state/contacts-store';
import { useContactsUi } from './ui-store';

/** Filter chips: All / Favourites / each group, and the way into group management. */
export function GroupBar() {
  const t = useT();
  const { filter, setFilter, groups, stats, size } = useContactsStore(
    useShallow((s) => ({ filter: s.filter, setFilter: s.setFilter, groups: s.groups, stats: s.stats, size: s.view?.size ?? 0 })),
  );
  const setGroupsOpen = useContactsUi((s) => s.setGroupsOpen);
  const active = (f: ContactFilter) => f.kind === filter.kind && (f.kind !== 'group' || (filter.kind === 'group' && filter.id === f.id));

  const chip = (f: ContactFilter, id: string, label: string, count: number) => (
    <button
      key={id}
      type="button"
      className={active(f) ? 'chip active' : 'chip'}
      aria-pressed={active(f)}
      data-testid="group-filter"
      data-id={id}
      onClick={() => setFilter(f)}
    >
      {f.kind === 'favorites' && <Icon name="star" filled />}
      <span className="chip-label">{label}</span>
      <span className="chip-count">{count}</span>
    </button>
  );

  return (
    <div className="group-bar" role="toolbar" aria-label={t('groups.filterLabel')}>
      {chip({ kind: 'all' }, 'all', t('groups.all'), size)}
      {chip({ kind: 'favorites' }, 'favorites', t('groups.favorites'), stats.favorites)}
      {groups.map((g) => chip({ kind: 'group', id: g.id }, g.id, g.name, stats.groups[g.id] ?? 0))}
      <button type="button" className="chip ghost" data-testid="group-manage" onClick={() => setGroupsOpen(true)}>
        <Icon name="edit" />
        <span>{t('groups.manage')}</span>
      </button>
    </div>
  );
}
