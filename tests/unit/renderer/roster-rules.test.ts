import { words } from '../../support/words';
import { describe, expect, it } from 'vitest';
import type { RosterMember } from '../../../src/shared/domain';
import { addMember, moveMember, moveMemberTo, ownNumber, removeMember, rosterProblems } from '../../../src/renderer/src/lib/roster-rules';

const OWN = '13900139000';
const member = (number: string, name = ''): RosterMember => ({ name, number });

function fill(n: number): RosterMember[] {
  return Array.from({ length: n }, (_, i) => member(`1380013800${i}`, `P${i}`));
}

describe('addMember', () => {
  it('normalises what was typed and keeps name and contact id', () => {
    const r = addMember([], { number: '+86 138-0013-8000', name: ' 张三 ', contactId: 'c1' }, OWN);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.member).toEqual({ name: '张三', number: '13800138000', contactId: 'c1' });
    expect(r.members).toHaveLength(1);
  });

  it('does not mutate the roster it was given', () => {
    const before = [member('13800138000')];
    addMember(before, { number: '13700137000' }, OWN);
    expect(before).toHaveLength(1);
  });

  it('refuses a duplicate after normalisation and names the earlier entry', () => {
    const members = [member('01065529988', '值班室'), member('13800138000', '张三')];
    const r = addMember(members, { number: '(0086) 138 0013 8000' }, OWN);
    expect(r).toEqual({ ok: false, refusal: { reason: 'duplicate', number: '13800138000', position: 2, name: '张三' } });
    const fixed = addMember(members, { number: '+86 10 6552 9988' }, OWN);
    expect(fixed.ok).toBe(false);
    if (!fixed.ok) expect(fixed.refusal).toMatchObject({ reason: 'duplicate', position: 1 });
  });

  it("refuses the dispatcher's own number, however it is written", () => {
    const r = addMember([], { number: '+86 139 0013 9000' }, OWN);
    expect(r).toEqual({ ok: false, refusal: { reason: 'own', number: OWN } });
  });

  it('accepts the 8th and refuses the 9th', () => {
    const seven = fill(7);
    const eighth = addMember(seven, { number: '13700137000' }, OWN);
    expect(eighth.ok).toBe(true);
    if (!eighth.ok) return;
    expect(eighth.members).toHaveLength(8);
    const ninth = addMember(eighth.members, { number: '13600136000' }, OWN);
    expect(ninth).toEqual({ ok: false, refusal: { reason: 'full', max: 8 } });
  });

  it('refuses invalid numbers with the shared phone message', () => {
    const r = addMember([], { number: '+1 415 555 0100' }, OWN);
    expect(r.ok).toBe(false);
    if (r.ok || r.refusal.reason !== 'invalid') throw new Error('expected invalid');
    expect(words(r.refusal.text, 'zh-CN')).toContain('+1 415 555 0100');
    expect(words(r.refusal.text, 'en')).toContain('mainland China');
  });

  it('has no own-number rule when the own number is unknown', () => {
    expect(addMember([], { number: OWN }, null).ok).toBe(true);
  });
});

describe('ownNumber', () => {
  it('normalises settings.callerNumber and gives null when unusable', () => {
    expect(ownNumber('+86 139-0013-9000')).toBe(OWN);
    expect(ownNumber('')).toBeNull();
    expect(ownNumber(undefined)).toBeNull();
    expect(ownNumber('abc')).toBeNull();
  });
});

describe('remove and move', () => {
  const abc = [member('13800138000', 'A'), member('13800138001', 'B'), member('13800138002', 'C')];

  it('removes by index and ignores out-of-range indexes', () => {
    expect(removeMember(abc, 1).map((m) => m.name)).toEqual(['A', 'C']);
    expect(removeMember(abc, 5).map((m) => m.name)).toEqual(['A', 'B', 'C']);
  });

  it('moves up and down, and not past either end', () => {
    expect(moveMember(abc, 2, -1).map((m) => m.name)).toEqual(['A', 'C', 'B']);
    expect(moveMember(abc, 0, 1).map((m) => m.name)).toEqual(['B', 'A', 'C']);
    expect(moveMember(abc, 0, -1).map((m) => m.name)).toEqual(['A', 'B', 'C']);
    expect(moveMember(abc, 2, 1).map((m) => m.name)).toEqual(['A', 'B', 'C']);
    expect(abc.map((m) => m.name)).toEqual(['A', 'B', 'C']);
  });

  it('moves to an absolute position (drag and drop), clamped', () => {
    expect(moveMemberTo(abc, 0, 2).map((m) => m.name)).toEqual(['B', 'C', 'A']);
    expect(moveMemberTo(abc, 2, -4).map((m) => m.name)).toEqual(['C', 'A', 'B']);
  });
});

describe('rosterProblems', () => {
  it('is empty for a valid roster', () => {
    expect(rosterProblems(fill(8), OWN)).toEqual([]);
  });

  it('reports empty, too many, own number and duplicates of a loaded roster', () => {
    expect(rosterProblems([], OWN)).toEqual([{ reason: 'empty' }]);
    expect(rosterProblems(fill(9), OWN)).toContainEqual({ reason: 'too_many', count: 9, max: 8 });
    const loaded = [member('13800138000'), member(OWN), member('+86 13800138000')];
    expect(rosterProblems(loaded, OWN)).toEqual([
      { reason: 'own', index: 1, number: OWN },
      { reason: 'duplicate', index: 2, first: 0, number: '13800138000' },
    ]);
  });
});

describe('members with extensions', () => {
  it("keeps the extension typed in the number, and a contact number's extension named beside it", () => {
    const typed = addMember([], { number: '010-62234302-396' }, OWN);
    expect(typed).toMatchObject({ ok: true, member: { name: '', number: '01062234302', extension: '396' } });
    const spoken = addMember([], { number: '0571-88886666 转 123' }, OWN);
    expect(spoken).toMatchObject({ ok: true, member: { number: '057188886666', extension: '123' } });
    const contact = addMember([], { number: '01062234302', extension: '396', name: '王经理', contactId: 'c9' }, OWN);
    expect(contact).toEqual({
      ok: true,
      members: [{ name: '王经理', number: '01062234302', extension: '396', contactId: 'c9' }],
      member: { name: '王经理', number: '01062234302', extension: '396', contactId: 'c9' },
    });
  });

  it('the same main number with the same extension is refused; with another extension it is another person', () => {
    const members: RosterMember[] = [{ name: '王经理', number: '01062234302', extension: '396' }];
    expect(addMember(members, { number: '010 6223 4302 转 396' }, OWN)).toEqual({
      ok: false,
      refusal: { reason: 'duplicate', number: '01062234302', extension: '396', position: 1, name: '王经理' },
    });
    const other = addMember(members, { number: '010-62234302-401' }, OWN);
    expect(other.ok && other.members.map((x) => [x.number, x.extension])).toEqual([
      ['01062234302', '396'],
      ['01062234302', '401'],
    ]);
    // The switchboard itself (no extension) is someone else again.
    expect(addMember(members, { number: '010-62234302' }, OWN).ok).toBe(true);
  });

  it('rosterProblems tells members apart by number and extension', () => {
    const members: RosterMember[] = [
      { name: '', number: '01062234302', extension: '396' },
      { name: '', number: '01062234302', extension: '401' },
      { name: '', number: '01062234302', extension: '396' },
    ];
    expect(rosterProblems(members, OWN)).toEqual([{ reason: 'duplicate', index: 2, first: 0, number: '01062234302' }]);
  });
});
