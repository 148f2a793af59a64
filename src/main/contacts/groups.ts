/** Dispatch teams. Names are unique (case-insensitively): two 「抢修一班」 would be indistinguishable. */
import { randomUUID } from 'node:crypto';
import { GROUP_NAME_MAX } from '../../shared/contact-limits';
import type { ContactGroup } from '../../shared/domain';
import { msg } from '../../shared/i18n';
import { quoteValue } from '../../shared/phone';
import { success, type Failure, type Result } from '../../shared/result';
import type { GroupsSource } from '../sources/groups-source';
import { invalidField, requiredLine } from './field-text';

export interface Groups {
  all(): ContactGroup[];
  exists(id: string): boolean;
  save(input: { id?: string; name: string }): Result<{ group: ContactGroup }>;
  /** Stores groups created elsewhere (an import naming new groups), in one write. */
  addMany(groups: readonly ContactGroup[]): Failure | null;
  /** `dropFromContacts` runs first, so a crash in between leaves an empty group, never a dangling id. */
  delete(id: string, dropFromContacts: (id: string) => Failure | null): Result<{ deleted: boolean }>;
}

const sameName = (a: string, b: string) => a.localeCompare(b, 'zh-CN', { sensitivity: 'accent' }) === 0;

export function createGroups(deps: { source: GroupsSource; now(): number }): Groups {
  const { source } = deps;
  return {
    all: () => source.all(),
    exists: (id) => source.get(id) !== undefined,

    save(input) {
      const existing = input.id === undefined ? undefined : source.get(input.id);
      if (input.id !== undefined && !existing) {
        return invalidField('id', msg('groupRule.gone'));
      }
      const name = requiredLine('name', msg('field.groupName'), input.name, GROUP_NAME_MAX);
      if (!name.ok) return name;
      const clash = source.all().find((g) => g.id !== input.id && sameName(g.name, name.value));
      if (clash) {
        return invalidField('name', msg('groupRule.nameTaken', { name: quoteValue(clash.name) }));
      }
      const group: ContactGroup = { id: existing?.id ?? randomUUID(), name: name.value, createdAt: existing?.createdAt ?? deps.now() };
      return source.put([group], 'save') ?? success({ group });
    },

    addMany: (groups) => source.put(groups, 'import'),

    delete(id, dropFromContacts) {
      if (source.get(id) === undefined) return success({ deleted: false });
      const dropped = dropFromContacts(id);
      if (dropped) return dropped;
      return source.delete(id) ?? success({ deleted: true });
    },
  };
}
