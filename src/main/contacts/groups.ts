/** Dispatch teams. Names are unique (case-insensitively): two 「抢修一班」 would be indistinguishable. */
import { randomUUID } from 'node:crypto';
import { GROUP_NAME_MAX } from '../../shared/contact-limits';
import type { ContactGroup } from '../../shared/domain';
import { msg } from '../../shared/i18n';
import { quoteValue } from '../../shared/phone';
import { success, type Failure, type Result } from '../../shared/result';
import type { Logger } from '../log';
import type { Collection } from '../stores/collection-store';
import { tryWrite } from '../stores/write-failure';
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

export function createGroups(deps: { collection: Collection<ContactGroup>; now(): number; log: Logger }): Groups {
  const { collection } = deps;
  return {
    all: () => collection.all(),
    exists: (id) => collection.items.has(id),

    save(input) {
      const existing = input.id === undefined ? undefined : collection.get(input.id);
      if (input.id !== undefined && !existing) {
        return invalidField('id', msg('groupRule.gone'));
      }
      const name = requiredLine('name', msg('field.groupName'), input.name, GROUP_NAME_MAX);
      if (!name.ok) return name;
      const clash = collection.all().find((g) => g.id !== input.id && sameName(g.name, name.value));
      if (clash) {
        return invalidField('name', msg('groupRule.nameTaken', { name: quoteValue(clash.name) }));
      }
      const group: ContactGroup = { id: existing?.id ?? randomUUID(), name: name.value, createdAt: existing?.createdAt ?? deps.now() };
      return tryWrite(deps.log, 'groups.save', () => collection.put(group)) ?? success({ group });
    },

    addMany: (groups) => tryWrite(deps.log, 'groups.import', () => collection.putMany(groups)),

    delete(id, dropFromContacts) {
      if (!collection.items.has(id)) return success({ deleted: false });
      const dropped = dropFromContacts(id);
      if (dropped) return dropped;
      return tryWrite(deps.log, 'groups.delete', () => collection.delete(id)) ?? success({ deleted: true });
    },
  };
}
