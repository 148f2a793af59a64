import { describe, expect, it } from 'vitest';
import { ownerOf } from '../../../src/shared/number-owner';

const BOARD = '01062234302';
const wang = { name: '王经理', numbers: [{ number: BOARD, extension: '396' }] };
const li = { name: '李秘书', numbers: [{ number: BOARD, extension: '401' }] };
const front = { name: '前台', numbers: [{ number: BOARD }] };
const mobile = { name: '张三', numbers: [{ number: '13800138000' }] };

describe('which contact a called number is, with people at one switchboard', () => {
  it.each([
    ['the extension of one of them', [wang, li, front], BOARD, '401', '李秘书'],
    ['the bare number: the switchboard’s own entry', [wang, li, front], BOARD, undefined, '前台'],
    ['an extension nobody has: the switchboard’s own entry, not a colleague', [wang, li, front], BOARD, '500', '前台'],
    ['an extension nobody has and no switchboard entry: nobody', [wang, li], BOARD, '500', undefined],
    ['the bare number with no switchboard entry: the first holder, as before', [wang, li], BOARD, undefined, '王经理'],
    ['a number nobody holds', [wang, mobile], '13900139000', undefined, undefined],
    ['a mobile', [wang, mobile], '13800138000', undefined, '张三'],
  ])('%s', (_label, holders, number, extension, name) => {
    expect(ownerOf(holders, number, extension)?.name).toBe(name);
  });
});
