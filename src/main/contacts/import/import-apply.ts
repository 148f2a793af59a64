/**
 * The second half of an import: the confirmed preview, against the contacts as they are now,
 * becomes the changes to store. Pure: the caller supplies the clock and the id generator.
 */
import { CONTACT_GROUPS_MAX, CONTACT_NOTES_MAX, CONTACT_NUMBERS_MAX } from '../../../shared/contact-limits';
import type { Contact, ContactGroup, DuplicatePolicy } from '../../../shared/domain';
import { textLength } from '../field-text';
import type { ImportedContact, ImportPreview } from './import-preview';

export interface ImportPlan {
  /** New and changed contacts, each once, ready to store (changed ones keep id and createdAt). */
  contacts: Contact[];
  /** Groups named in the file that do not exist yet; store them before the contacts. */
  newGroups: ContactGroup[];
  counts: { added: number; merged: number; replaced: number; skipped: number; failed: number };
}

export function applyImport(
  preview: ImportPreview,
  existing: readonly Contact[],
  options: { duplicate?: DuplicatePolicy; groups: readonly ContactGroup[]; now: number; newId: () => string },
): ImportPlan {
  const policy = options.duplicate ?? preview.duplicate;
  const { now, newId } = options;
  const groupKey = (name: string) => name.normalize('NFKC').toLocaleLowerCase('zh-CN');
  const groupIds = new Map(options.groups.map((g) => [groupKey(g.name), g.id]));
  const newGroups: ContactGroup[] = [];
  const groupId = (name: string) => {
    let id = groupIds.get(groupKey(name));
    if (id === undefined) {
      id = newId();
      groupIds.set(groupKey(name), id);
      newGroups.push({ id, name, createdAt: now });
    }
    return id;
  };

  const byId = new Map(existing.map((c) => [c.id, c]));
  const byLine = new Map<number, string>();
  const changed = new Map<string, Contact>();
  const counts = { added: 0, merged: 0, replaced: 0, skipped: 0, failed: 0 };
  for (const row of preview.rows) {
    const imported = row.contact;
    if (!imported) {
      counts.failed++;
      continue;
    }
    if (row.status === 'new') {
      const groups = imported.groupNames.map(groupId);
      const contact: Contact = {
        id: newId(),
        ...fields(imported, groups),
        favorite: imported.favorite ?? false,
        createdAt: now,
        updatedAt: now,
      };
      changed.set(contact.id, contact);
      byLine.set(row.line, contact.id);
      counts.added++;
      continue;
    }
    const t = row.duplicateOf!;
    const id = t.kind === 'existing' ? t.id : byLine.get(t.line);
    const current = id === undefined ? undefined : (changed.get(id) ?? byId.get(id));
    if (policy === 'skip' || !current) {
      counts.skipped++;
      continue;
    }
    // Resolved only now, so a skipped row never creates a group.
    const groups = imported.groupNames.map(groupId);
    const next = policy === 'merge' ? merge(current, imported, groups) : replace(current, imported, groups);
    if (!next) {
      counts.failed++;
      continue;
    }
    changed.set(current.id, { ...next, updatedAt: now });
    counts[policy === 'merge' ? 'merged' : 'replaced']++;
  }
  return { contacts: [...changed.values()], newGroups, counts };
}

function fields(c: ImportedContact, groupIds: string[]) {
  return { name: c.name, numbers: c.numbers, org: c.org, notes: c.notes, groupIds };
}

function replace(current: Contact, c: ImportedContact, groupIds: string[]): Contact {
  return { ...current, ...fields(c, groupIds), favorite: c.favorite ?? current.favorite };
}

/** Adds what the contact lacks; null if the result would break a limit (the row then fails). */
function merge(current: Contact, c: ImportedContact, groupIds: string[]): Contact | null {
  const numbers = [...current.numbers, ...c.numbers.filter((n) => !current.numbers.some((m) => m.number === n.number))];
  const notes = c.notes === '' || current.notes.includes(c.notes) ? current.notes : [current.notes, c.notes].filter(Boolean).join('\n');
  const groups = [...new Set([...current.groupIds, ...groupIds])];
  if (numbers.length > CONTACT_NUMBERS_MAX || textLength(notes) > CONTACT_NOTES_MAX || groups.length > CONTACT_GROUPS_MAX) return null;
  return {
    ...current,
    numbers,
    org: current.org || c.org,
    notes,
    groupIds: groups,
    favorite: current.favorite || c.favorite === true,
  };
}
