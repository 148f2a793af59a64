import { describe, expect, it } from 'vitest';
import { applyImport } from '../../../../src/main/contacts/import/import-apply';
import { previewImport, type ConflictDecision, type ImportRowStatus } from '../../../../src/main/contacts/import/import-preview';
import type { SourceRecord } from '../../../../src/main/contacts/import/source-record';
import type { Contact, ContactNumber, DuplicatePolicy } from '../../../../src/shared/domain';
import { words } from '../../../support/words';

const t0 = 1_700_000_000_000;
function contact(id: string, name: string, numbers: ContactNumber[], extra: Partial<Contact> = {}): Contact {
  return { id, name, numbers, org: '', notes: '', favorite: false, groupIds: [], createdAt: t0, updatedAt: t0, ...extra };
}
const record = (line: number, name: string, ...raw: string[]): SourceRecord => ({
  line,
  name,
  numbers: raw.map((r) => ({ raw: r, label: '' })),
  org: '',
  notes: '',
  groupNames: [],
});
const ids = () => {
  let n = 0;
  return () => `new${++n}`;
};

// 白超 has a mobile and an office number; the rows below are checked against him.
const baiChao = contact('bai', '白超', [
  { label: '手机', number: '13800138000' },
  { label: '办公室', number: '01065529988' },
]);

describe('the duplicate rule: same person = same name and a shared number', () => {
  it.each<[string, SourceRecord, ImportRowStatus, Partial<Record<DuplicatePolicy, string>>?]>([
    ['same name, shared number → the same person', record(2, '白超', '138 0013 8000'), 'duplicate'],
    ['same name in other width/case/spacing → the same person', record(2, ' 白 超 ', '+86 13800138000'), 'duplicate'],
    ['same name, shares the office number only → the same person', record(2, '白超', '010-65529988', '13900139000'), 'duplicate'],
    ['other name, shared number → a conflict, never the same person', record(2, '白超的司机', '13800138000'), 'conflict'],
    ['same name, other numbers → two people', record(2, '白超', '13900139000'), 'new'],
    ['other name, other number → new', record(2, '李四', '13900139000'), 'new'],
    ['same switchboard, another extension → another desk', record(2, '王五', '010-65529988-396'), 'new'],
    ['no valid number at all → rejected', record(2, '白超', '12345'), 'error'],
    ['no number at all → rejected', record(2, '白超'), 'error'],
  ])('%s', (_label, row, status) => {
    for (const duplicate of ['skip', 'merge', 'replace'] as const) {
      expect(previewImport([row], [baiChao], { duplicate }).rows[0].status).toBe(status);
    }
  });

  it('compares rows of the same file by the same rule', () => {
    const p = previewImport([record(2, '张三', '13700137000'), record(3, '张三', '137 0013 7000'), record(4, '张三的司机', '13700137000')], [], {
      duplicate: 'merge',
    });
    expect(p.rows.map((r) => r.status)).toEqual(['new', 'duplicate', 'conflict']);
    expect(p.rows[2].conflictWith).toEqual([{ kind: 'row', line: 2, name: '张三' }]);
  });
});

describe('replace only ever replaces the same person', () => {
  it('importing 白超的司机 with 白超’s mobile under "replace" keeps 白超 and his office number', () => {
    const p = previewImport([record(2, '白超的司机', '13800138000')], [baiChao], { duplicate: 'replace' });
    expect(p.rows[0]).toMatchObject({ status: 'conflict', removes: [] });
    expect(words(p.rows[0].match!, 'zh-CN')).toContain('白超');
    const plan = applyImport(p, [baiChao], { groups: [], now: t0 + 1, newId: ids() });
    // Default decision: keep both people.
    expect(plan.contacts).toEqual([expect.objectContaining({ id: 'new1', name: '白超的司机', numbers: [{ label: '', number: '13800138000' }] })]);
    expect(plan.before).toEqual([]);
    expect(plan.counts).toMatchObject({ added: 1, replaced: 0 });
  });

  it('shows what a replace of the same person removes before it happens', () => {
    const p = previewImport([{ ...record(2, '白超', '13800138000'), org: '车队' }], [{ ...baiChao, org: '调度中心' }], { duplicate: 'replace' });
    const removes = p.rows[0].removes.map((m) => words(m, 'zh-CN'));
    expect(removes).toEqual([expect.stringContaining('01065529988'), expect.stringContaining('调度中心')]);
    const plan = applyImport(p, [baiChao], { groups: [], now: t0 + 1, newId: ids() });
    expect(plan.counts.replaced).toBe(1);
    expect(plan.before).toEqual([baiChao]);
  });
});

describe('conflicts are decided by the dispatcher', () => {
  const p = () => previewImport([record(2, '白超的司机', '13800138000', '13900139000')], [baiChao], { duplicate: 'replace' });
  it.each<[ConflictDecision, number, number, number]>([
    ['keep', 1, 0, 0],
    ['merge', 0, 1, 0],
    ['skip', 0, 0, 1],
  ])('%s', (decision, added, merged, skipped) => {
    const plan = applyImport(p(), [baiChao], { groups: [], now: t0 + 1, newId: ids(), decisions: new Map([[2, decision]]) });
    expect(plan.counts).toMatchObject({ added, merged, skipped, replaced: 0 });
    if (decision === 'merge') {
      // Merging adds to 白超, never takes anything away.
      expect(plan.contacts[0].numbers.map((n) => n.number)).toEqual(['13800138000', '01065529988', '13900139000']);
      expect(plan.contacts[0].name).toBe('白超');
    }
  });
});

describe('numbers as people write them', () => {
  it('keeps every valid number of a row, with extensions, and warns about the bad one', () => {
    const p = previewImport([record(2, '王五', '010-62234302-396', '12345', '0571-88886666 转 123', '138 0013 8000')], [], { duplicate: 'skip' });
    expect(p.rows[0].status).toBe('new');
    expect(p.rows[0].contact?.numbers).toEqual([
      { label: '', number: '01062234302', extension: '396' },
      { label: '', number: '057188886666', extension: '123' },
      { label: '', number: '13800138000' },
    ]);
    expect(p.rows[0].warnings.map((w) => words(w.text, 'zh-CN'))).toEqual([expect.stringContaining('12345')]);
    expect(p.rows[0].errors).toEqual([]);
  });

  it('shows unit, notes and groups of every row, also of a rejected one', () => {
    const r = { ...record(2, '', '13800138000'), org: '车队', notes: '夜班', groupNames: ['一班', ' 一班 ', '二班'] };
    expect(previewImport([r], [], { duplicate: 'skip' }).rows[0]).toMatchObject({ status: 'error', org: '车队', notes: '夜班', groupNames: ['一班', '二班'] });
  });
});
