/**
 * Rules for the shared directory's items: contacts, groups and saved rosters. Numbers go through
 * the desk's own phone validation (src/shared/validation) and come back normalised; sizes follow
 * src/shared/contact-limits. Pure functions: the routes own the database.
 */
import {
  CONTACT_EXTENSION_MAX,
  CONTACT_GROUPS_MAX,
  CONTACT_LABEL_MAX,
  CONTACT_NAME_MAX,
  CONTACT_NOTES_MAX,
  CONTACT_NUMBERS_MAX,
  CONTACT_ORG_MAX,
  GROUP_NAME_MAX,
  ROSTER_MEMBERS_MAX,
  ROSTER_NAME_MAX,
} from '../shared/contact-limits';
import { msg } from '../shared/i18n';
import { failWith, type Failure } from '../shared/result';
import { validatePhoneField } from '../shared/validation';

export type DirectoryKind = 'contact' | 'group' | 'roster';
export const KIND_OF_PATH: Record<string, DirectoryKind> = { contacts: 'contact', groups: 'group', rosters: 'roster' };

const ID = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } as const;

/** JSON schemas (shape and sizes); `checkItem` adds what a schema cannot say (numbers, duplicates). */
export const ITEM_SCHEMAS: Record<DirectoryKind, object> = {
  contact: {
    type: 'object',
    required: ['name'],
    additionalProperties: false,
    properties: {
      name: { type: 'string', minLength: 1, maxLength: CONTACT_NAME_MAX },
      numbers: {
        type: 'array',
        maxItems: CONTACT_NUMBERS_MAX,
        items: {
          type: 'object',
          required: ['number'],
          additionalProperties: false,
          properties: {
            label: { type: 'string', maxLength: CONTACT_LABEL_MAX },
            number: { type: 'string', maxLength: 64 },
            // The extension to ask for once through (digits); the main number is what is dialled.
            extension: { type: 'string', pattern: `^\\d{1,${CONTACT_EXTENSION_MAX}}$` },
          },
        },
      },
      org: { type: 'string', maxLength: CONTACT_ORG_MAX },
      notes: { type: 'string', maxLength: CONTACT_NOTES_MAX },
      favorite: { type: 'boolean' },
      groupIds: { type: 'array', maxItems: CONTACT_GROUPS_MAX, items: ID },
    },
  },
  group: {
    type: 'object',
    required: ['name'],
    additionalProperties: false,
    properties: { name: { type: 'string', minLength: 1, maxLength: GROUP_NAME_MAX } },
  },
  roster: {
    type: 'object',
    required: ['name', 'members'],
    additionalProperties: false,
    properties: {
      name: { type: 'string', minLength: 1, maxLength: ROSTER_NAME_MAX },
      members: {
        type: 'array',
        minItems: 1,
        maxItems: ROSTER_MEMBERS_MAX,
        items: {
          type: 'object',
          required: ['number'],
          additionalProperties: false,
          properties: {
            contactId: ID,
            name: { type: 'string', maxLength: CONTACT_NAME_MAX },
            number: { type: 'string', maxLength: 64 },
            // The extension to ask for (digits); two extensions at one switchboard are two members.
            extension: { type: 'string', pattern: `^\\d{1,${CONTACT_EXTENSION_MAX}}$` },
          },
        },
      },
    },
  },
};

type Json = Record<string, unknown>;

function blank(name: unknown): boolean {
  return typeof name !== 'string' || name.trim() === '';
}

/** The stored form of an item (trimmed, numbers normalised), or the first problem. */
export function checkItem(kind: DirectoryKind, input: Json): { ok: true; data: Json } | Failure {
  if (blank(input.name)) return failWith('invalid_input', msg('hub.directory.nameEmpty'), { field: 'name' });
  const name = (input.name as string).trim();
  if (kind === 'group') return { ok: true, data: { name } };

  const seen = new Map<string, number>();
  const numbersOf = (list: Json[], field: string): Json[] | Failure => {
    const out: Json[] = [];
    for (let i = 0; i < list.length; i++) {
      const v = validatePhoneField(list[i].number, `${field}[${i}].number`);
      if (!v.ok) return v;
      const extension = typeof list[i].extension === 'string' ? (list[i].extension as string) : '';
      const key = `${v.number}#${extension}`;
      const first = seen.get(key);
      if (first !== undefined) {
        return failWith('invalid_input', msg('hub.directory.numberTwice', { number: v.number, first: first + 1, second: i + 1 }), {
          field: `${field}[${i}].number`,
        });
      }
      seen.set(key, i);
      out.push({ ...list[i], number: v.number });
    }
    return out;
  };

  if (kind === 'contact') {
    const numbers = numbersOf(
      ((input.numbers as Json[] | undefined) ?? []).map((n) => ({
        label: (n.label as string | undefined)?.trim() ?? '',
        number: n.number,
        ...(typeof n.extension === 'string' ? { extension: n.extension } : {}),
      })),
      'numbers',
    );
    if (!Array.isArray(numbers)) return numbers;
    return {
      ok: true,
      data: {
        name,
        numbers,
        org: typeof input.org === 'string' ? input.org.trim() : '',
        notes: typeof input.notes === 'string' ? input.notes : '',
        favorite: input.favorite === true,
        groupIds: [...new Set((input.groupIds as string[] | undefined) ?? [])],
      },
    };
  }
  const members = numbersOf(
    (input.members as Json[]).map((m) => {
      const member: Json = { name: typeof m.name === 'string' ? m.name.trim() : '', number: m.number };
      if (typeof m.contactId === 'string') member.contactId = m.contactId;
      if (typeof m.extension === 'string') member.extension = m.extension;
      return member;
    }),
    'members',
  );
  if (!Array.isArray(members)) return members;
  return { ok: true, data: { name, members } };
}
