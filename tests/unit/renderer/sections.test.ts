import { describe, expect, it } from 'vitest';
import { computeSearchKeys } from '../../../src/main/contacts/search-keys';
import type { Contact, ContactRecord } from '../../../src/shared/domain';
import { contactAt, createSearchView, filterSlots, queryView, upsertContacts } from '../../../src/renderer/src/lib/search/contact-search-view';
import { SECTIONS, sectionOfRow, sectionStartRow } from '../../../src/renderer/src/lib/search/sections';

function record(id: string, name: string, favorite = false, groupIds: string[] = []): ContactRecord {
  const c: Contact = {
    id,
    name,
    numbers: [{ label: '', number: `1380000${id.padStart(4, '0')}` }],
    org: '',
    notes: '',
    favorite,
    groupIds,
    createdAt: 0,
    updatedAt: 0,
  };
  return { ...c, keys: computeSearchKeys(c) };
}

const book = [
  record('1', '马晨'),
  record('2', '毛鹏', true),
  record('3', '马伟'),
  record('4', 'Anna Brown'),
  record('5', '张三', true),
  record('6', '110', false, ['g']),
  record('7', '胡军', false, ['g']),
  record('8', '黄磊'),
];

describe('A–Z sections of the contact list', () => {
  const view = createSearchView(book);
  const rows = queryView(view, '');
  const count = view.size;
  const nameAt = (row: number) => contactAt(view, rows ? rows[row] : row)?.name;

  it('finds the first row of each section, favourites first and # last', () => {
    expect(nameAt(sectionStartRow(view, rows, count, '*'))).toBe('毛鹏');
    expect(nameAt(sectionStartRow(view, rows, count, 'a'))).toBe('Anna Brown');
    expect(nameAt(sectionStartRow(view, rows, count, 'h'))).toBe('胡军');
    expect(nameAt(sectionStartRow(view, rows, count, 'm'))).toBe('马晨');
    expect(nameAt(sectionStartRow(view, rows, count, '#'))).toBe('110');
    // 张三 is a favourite: pinned, so the z section is empty.
    expect(sectionStartRow(view, rows, count, 'z')).toBe(-1);
    expect(sectionStartRow(view, rows, count, 'b')).toBe(-1);
    expect(SECTIONS.filter((s) => sectionStartRow(view, rows, count, s) >= 0)).toEqual(['*', 'a', 'h', 'm', '#']);
    expect(sectionOfRow(view, rows, 0)).toBe('*');
  });

  it('follows edits and filters', () => {
    const edited = upsertContacts(view, [record('9', '曾伟')]);
    const editedRows = queryView(edited, '');
    expect(contactAt(edited, editedRows![sectionStartRow(edited, editedRows, edited.size, 'z')])?.name).toBe('曾伟');
    const group = filterSlots(view, rows, { kind: 'group', id: 'g' });
    expect(contactAt(view, group![sectionStartRow(view, group, group!.length, 'h')])?.name).toBe('胡军');
    expect(sectionStartRow(view, group, group!.length, 'm')).toBe(-1);
  });
});
