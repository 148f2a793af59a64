/**
 * What makes a contact storable, as main applies it on save and on restore (the renderer's form is
 * only a convenience; main is the authority): the shared rules (shared/contact-rules.ts), plus the
 * groups, which only main knows. Numbers come back normalised, extensions split off.
 */
import { CONTACT_GROUPS_MAX } from '../../shared/contact-limits';
import { contactProblemText } from '../../shared/contact-problem-text';
import { checkContactFields, type ContactProblem, type TypedNumber } from '../../shared/contact-rules';
import type { ContactNumber } from '../../shared/domain';
import { msg } from '../../shared/i18n';
import type { Failure } from '../../shared/result';
import { invalidField } from './field-text';

/** The editable part of a contact, as the renderer sends it (numbers as typed). */
export interface ContactInput {
  name: unknown;
  numbers: unknown;
  org?: unknown;
  notes?: unknown;
  favorite?: unknown;
  groupIds?: unknown;
}

export interface ContactFields {
  name: string;
  numbers: ContactNumber[];
  org: string;
  notes: string;
  favorite: boolean;
  groupIds: string[];
}

export interface ContactRuleOptions {
  groupExists(id: string): boolean;
  /**
   * 'reject' for an edit (the dispatcher just picked the groups, so a missing one is a mistake to
   * report); 'drop' for an undo, which must succeed even if a group was deleted in between.
   */
  unknownGroups: 'reject' | 'drop';
}

/** The first problem main answers with, in the order the editor shows its fields. */
const FIELD_ORDER = ['name', 'numbers', 'org', 'notes', 'groups'] as const;

/** Where in the request a problem is, as `field` of the failure. */
function problemField(p: ContactProblem): string {
  switch (p.code) {
    case 'number_invalid':
    case 'number_repeated':
      return `numbers[${p.index}]`;
    case 'label_too_long':
      return `numbers[${p.index}].label`;
    default:
      return p.field;
  }
}

export function checkContact(input: ContactInput, options: ContactRuleOptions): { ok: true; fields: ContactFields } | Failure {
  const list = Array.isArray(input.numbers) ? (input.numbers as unknown[]) : [];
  const numbers = list.map((raw) => {
    const entry = (raw ?? {}) as { label?: unknown; number?: unknown; extension?: unknown };
    const typed: TypedNumber = { label: text(entry.label), number: text(entry.number) };
    if (typeof entry.extension === 'string') typed.extension = entry.extension;
    return typed;
  });
  // An empty number field is a mistake on save (main gets what the editor filtered), not "no number".
  const blank = numbers.findIndex((n) => n.number.trim() === '');
  const { fields, problems } = checkContactFields({ name: text(input.name), numbers, org: text(input.org), notes: text(input.notes) });
  if (blank >= 0 && !problems.some((p) => p.field === 'name')) {
    return invalidField(`numbers[${blank}]`, msg('contactRule.numberN', { n: blank + 1, text: msg('phoneRule.empty') }));
  }
  // A restore puts back what was stored, even a contact saved before a number was required.
  const counted = options.unknownGroups === 'drop' ? problems.filter((p) => p.code !== 'no_number') : problems;
  const first = FIELD_ORDER.flatMap((f) => counted.filter((p) => p.field === f))[0];
  if (first) return invalidField(problemField(first), contactProblemText(first));
  const groupIds = checkGroupIds(input.groupIds, options);
  if (!Array.isArray(groupIds)) return groupIds;
  return {
    ok: true,
    fields: { name: fields.name, numbers: fields.numbers, org: fields.org, notes: fields.notes, favorite: input.favorite === true, groupIds },
  };
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

function checkGroupIds(raw: unknown, options: ContactRuleOptions): string[] | Failure {
  const list = Array.isArray(raw) ? (raw as unknown[]) : [];
  const out: string[] = [];
  for (let i = 0; i < list.length && out.length < CONTACT_GROUPS_MAX; i++) {
    const id = list[i];
    if (typeof id !== 'string' || out.includes(id)) continue;
    if (options.groupExists(id)) out.push(id);
    else if (options.unknownGroups === 'reject') {
      return invalidField(`groupIds[${i}]`, msg('contactRule.groupGone'));
    }
  }
  return out;
}
