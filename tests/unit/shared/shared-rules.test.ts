import { describe, expect, it } from 'vitest';
import { checkConferenceMembers } from '../../../src/shared/conference-rules';
import { splitCallees } from '../../../src/shared/call-extension';
import { checkContactFields } from '../../../src/shared/contact-rules';
import { CONTACT_NAME_MAX, CONTACT_NUMBERS_MAX } from '../../../src/shared/contact-limits';

const n = (number: string, label = '') => ({ label, number });

describe('contact rules (one set for main, the editor and the import)', () => {
  it.each([
    ['a good contact', { name: '张三', numbers: [n('13800138000')] }, []],
    ['no name', { name: '  ', numbers: [n('13800138000')] }, ['name_missing']],
    [`a ${CONTACT_NAME_MAX + 1}-character name`, { name: '张'.repeat(CONTACT_NAME_MAX + 1), numbers: [n('13800138000')] }, ['too_long']],
    ['no number', { name: '张三', numbers: [n('  ')] }, ['no_number']],
    [
      `${CONTACT_NUMBERS_MAX + 1} numbers`,
      { name: '张三', numbers: Array.from({ length: CONTACT_NUMBERS_MAX + 1 }, (_, i) => n(`1380013800${i % 10}`)) },
      ['too_many_numbers', 'number_repeated'],
    ],
    ['a bad number', { name: '张三', numbers: [n('13800138000'), n('12345')] }, ['number_invalid']],
    ['the same number twice', { name: '张三', numbers: [n('13800138000'), n('+86 138 0013 8000')] }, ['number_repeated']],
    ['one line, two extensions', { name: '前台', numbers: [n('010-65529988-1'), n('010-65529988-2')] }, []],
    ['a 17-character label', { name: '张三', numbers: [n('13800138000', 'x'.repeat(17))] }, ['label_too_long']],
  ])('%s', (_label, input, codes) => {
    expect(checkContactFields(input).problems.map((p) => p.code)).toEqual(codes);
  });
});

describe('conference rules (one set for the dial check, saved rosters and the roster panel)', () => {
  it.each([
    ['two people', ['13800138000', '13900139000'], []],
    ['nobody', [], ['empty']],
    ['nine people', Array.from({ length: 9 }, (_, i) => `1380013800${i}`), ['too_many']],
    ['a bad number', ['12345'], ['invalid']],
    ['the dispatcher’s own number', ['13700137000'], ['own']],
    ['the same number twice', ['13800138000', '138-0013-8000'], ['repeated']],
  ])('%s', (_label, numbers, codes) => {
    expect(checkConferenceMembers(numbers, '13700137000').problems.map((p) => p.code)).toEqual(codes);
  });
});

describe('conference rules with extensions: the same main number is the same person only with the same extension', () => {
  const m = (number: string, extension = '') => ({ number, extension });
  it.each([
    ['same main number, same extension', [m('01062234302', '396'), m('010-6223-4302', '396')], ['repeated']],
    ['same main number, both without an extension', [m('01062234302'), m('010 6223 4302')], ['repeated']],
    ['same main number, another extension: two people at one switchboard', [m('01062234302', '396'), m('01062234302', '401')], []],
    ['same main number, one with and one without an extension', [m('01062234302', '396'), m('01062234302')], []],
    ['the extension typed in the number counts the same as one named beside it', [m('010-62234302-396'), m('01062234302', '396')], ['repeated']],
    ['a spoken extension in the number', [m('0571-88886666 转 123'), m('0571-88886666 转 124')], []],
    ['a mobile has no extension: the same mobile twice is repeated', [m('13800138000', '1'), m('13800138000', '2')], ['repeated']],
    ['the dispatcher’s own number with an extension is still their own', [m('13700137000', '12')], ['own']],
  ])('%s', (_label, members, codes) => {
    // As every caller does: an extension typed in the number is split off first.
    const split = splitCallees(
      members.map((x) => x.number),
      members.map((x) => x.extension),
    );
    const r = checkConferenceMembers(split.callees, '13700137000', undefined, split.extensions);
    expect(r.problems.map((p) => p.code)).toEqual(codes);
  });

  it('returns the main numbers to dial and, by position, the extensions to ask for', () => {
    const split = splitCallees(['010-62234302-396', '13800138000', '0571-88886666 转 123', '01062234302'], ['', '', '', '401']);
    const r = checkConferenceMembers(split.callees, null, undefined, split.extensions);
    expect(r.callees).toEqual(['01062234302', '13800138000', '057188886666', '01062234302']);
    expect(r.extensions).toEqual(['396', '', '123', '401']);
  });
});
