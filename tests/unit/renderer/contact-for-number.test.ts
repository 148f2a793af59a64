import { describe, expect, it } from 'vitest';
import { computeSearchKeys } from '../../../src/main/contacts/search-keys';
import type { Contact, ContactNumber, ContactRecord } from '../../../src/shared/domain';
import { contactForDialled } from '../../../src/renderer/src/lib/contact-for-number';
import { createSearchView } from '../../../src/renderer/src/lib/search/contact-search-view';

const BOARD = '01062234302';

function record(id: string, name: string, numbers: ContactNumber[]): ContactRecord {
  const c: Contact = { id, name, numbers, org: '', notes: '', favorite: false, groupIds: [], createdAt: 0, updatedAt: 0 };
  return { ...c, keys: computeSearchKeys(c) };
}

describe('the contact a dialled number is, in the window (the dial box, the roster, the dial confirmation)', () => {
  // The number index finds one holder of the main number first; the others are found too.
  const view = createSearchView([
    record('w', '王经理', [{ label: '', number: BOARD, extension: '396' }]),
    record('l', '李秘书', [{ label: '', number: BOARD, extension: '401' }]),
    record('q', '前台', [{ label: '总机', number: BOARD }]),
    record('z', '张三', [{ label: '', number: '13800138000' }]),
  ]);

  it.each([
    ['the first holder’s extension', BOARD, '396', '王经理'],
    ['a colleague’s extension at the same switchboard', BOARD, '401', '李秘书'],
    ['an extension nobody has: the switchboard’s own entry, not a colleague', BOARD, '500', '前台'],
    ['the bare switchboard number: its own entry', BOARD, undefined, '前台'],
    ['a mobile', '13800138000', undefined, '张三'],
    ['a number nobody holds', '13900139000', undefined, undefined],
  ])('%s', (_label, number, extension, name) => {
    expect(contactForDialled(view, number, extension)?.name).toBe(name);
  });
});
