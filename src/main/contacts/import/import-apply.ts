/**
 * The second half of an import: the confirmed preview (with the dispatcher's decisions on its
 * conflicts), against the contacts as they are now, becomes the changes to store — and what undoing
 * them needs. Pure: the caller supplies the clock and the id generator.
 */
import { CONTACT_GROUPS_MAX, CONTACT_NOTES_MAX, CONTACT_NUMBERS_MAX } from '../../../shared/contact-limits';
import type { Contact, ContactGroup, DuplicatePolicy } from '../../../shared/domain';
import { textLength } from '../../../shared/text-fields';
import { DEFAULT_CONFLICT_DECISION, numberKey, type ConflictDecision, type ImportedContact, type ImportPreview } from './import-preview';

export interface ImportCounts {
  added: number;
  merged: number;
  replaced: number;
  skipped: number;
  failed: number;
}

export interface ImportPlan {
  /** New and changed contacts, each once, ready to store (changed ones keep id and createdAt). */
  contacts: Contact[];
  /** Groups named in the file that do not exist yet; store them before the contacts. */
  newGroups: ContactGroup[];
  counts: ImportCounts;
  /** Undo: the ids of the contacts this plan creates, and the changed ones as they were before. */
  addedIds: string[];
  before: Contact[];
}

export interface ApplyOptions {
  duplicate?: DuplicatePolicy;
  /** The dispatcher's decision per conflict row, by line; DEFAULT_CONFLICT_DECISION when absent. */
  decisions?: ReadonlyMap<number, ConflictDecision>;
  groups: readonly ContactGroup[];
  now: number;
  newId: () => string;
}

export function applyImport(preview: ImportPreview, existing: readonly Contact[], options: ApplyOptions): ImportPlan {
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
  const addedIds: string[] = [];
  const counts: ImportCounts = { added: 0, merged: 0, replaced: 0, skipped: 0, failed: 0 };
  const add = (line: number, imported: ImportedContact) => {
    const contact: Contact = {
      id: newId(),
      ...fields(imported, imported.groupNames.map(groupId)),
      favorite: imported.favorite ?? false,
      createdAt: now,
      updatedAt: now,
    };
    changed.set(contact.id, contact);
    addedIds.push(contact.id);
    byLine.set(line, contact.id);
    counts.added++;
  };
  const current = (t: { kind: 'existing'; id: string } | { kind: 'row'; line: number }) => {
    const id = t.kind === 'existing' ? t.id : byLine.get(t.line);
    return id === undefined ? undefined : (changed.get(id) ?? byId.get(id));
  };

  for (const row of preview.rows) {
    const imported = row.contact;
    if (!imported) {
      counts.failed++;
      continue;
    }
    if (row.status === 'new') {
      add(row.line, imported);
      continue;
    }
    // A conflict (another name on a shared number) never replaces anyone: keep both, merge, or skip.
    const decision = row.status === 'conflict' ? (options.decisions?.get(row.line) ?? DEFAULT_CONFLICT_DECISION) : null;
    if (decision === 'keep') {
      add(row.line, imported);
      continue;
    }
    const target = row.status === 'conflict' ? row.conflictWith?.[0] : row.duplicateOf;
    const into = target && current(target);
    const action = decision ?? policy;
    if (action === 'skip' || !into) {
      counts.skipped++;
      continue;
    }
    // Resolved only now, so a skipped row never creates a group.
    const groups = imported.groupNames.map(groupId);
    const next = action === 'merge' ? merge(into, imported, groups) : replace(into, imported, groups);
    if (!next) {
      counts.failed++;
      continue;
    }
    changed.set(into.id, { ...next, updatedAt: now });
    if (target.kind === 'row') byLine.set(row.line, into.id);
    counts[action === 'merge' ? 'merged' : 'replaced']++;
  }
  const before = [...changed.keys()].flatMap((id) => byId.get(id) ?? []);
  return { contacts: [...changed.values()], newGroups, counts, addedIds, before };
}

function fields(c: ImportedContact, groupIds: string[]) {
  return { name: c.name, numbers: c.numbers, org: c.org, notes: c.notes, groupIds };
}

function replace(current: Contact, c: ImportedContact, groupIds: string[]): Contact {
  return { ...current, ...fields(c, groupIds), favorite: c.favorite ?? current.favorite };
}

/** Adds what the contact lacks; null if the result would break a limit (the row then fails). */
function merge(current: Contact, c: ImportedContact, groupIds: string[]): Contact | null {
  const have = new Set(current.numbers.map(numberKey));
  const numbers = [...current.numbers, ...c.numbers.filter((n) => !have.has(numberKey(n)))];
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
