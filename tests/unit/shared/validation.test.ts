import { words } from '../../support/words';
import { describe, expect, it } from 'vitest';
import { MAX_CONFERENCE_CALLEES, MAX_DUR_ABSOLUTE_MAX, MAX_DUR_ABSOLUTE_MIN } from '../../../src/shared/limits';
import type { Failure, Result } from '../../../src/shared/result';
import {
  validateCallerAcc,
  validateCallRequest,
  validateConfRequest,
  validateMaxDur,
  validateMaxDurRange,
  validatePhoneField,
  type CallRequestInput,
  type ConfRequestInput,
} from '../../../src/shared/validation';

const RANGE = { min: 30, max: 3600 };
const CALLER = '13900139000';

/** Asserts an invalid_input failure on `field` and returns it for further checks. */
function expectInvalid(f: Failure | Result | null, field: string): Failure {
  expect(f).not.toBeNull();
  expect(f).toMatchObject({ ok: false, code: 'invalid_input', field });
  const failure = f as Failure;
  expect(failure.message).toBe(words(failure, 'en'));
  expect(words(failure, 'zh-CN')).toBeTruthy();
  return failure;
}

describe('validateCallerAcc', () => {
  it.each([['a'], ['dispatcher_01'], ['Desk.01@ops-team'], ['x'.repeat(32)], ['A-B_C.D@E']])('accepts %j', (v) => {
    expect(validateCallerAcc(v)).toBeNull();
  });

  it.each([
    ['x'.repeat(33), /33 characters/],
    ['a b', /not allowed \(space\)/],
    ['中文', /not allowed \("中" "文"\)/],
    ['abc!', /not allowed \("!"\)/],
    ['ａｂｃ', /not allowed/], // full-width letters look right but are not ASCII
    [' abc', /not allowed \(space\)/],
    ['abc\n', /not allowed/],
  ])('rejects %j naming the value', (v, why) => {
    const f = expectInvalid(validateCallerAcc(v), 'callerAcc');
    expect(f.message).toMatch(why);
    expect(f.message).toContain(`"${v.trim().slice(0, 40)}`);
  });

  it.each([[''], ['   '], [undefined], [null]])('missing %j → set it in Settings', (v) => {
    const f = expectInvalid(validateCallerAcc(v), 'callerAcc');
    expect(f.message).toMatch(/not set.*Settings/);
    expect(words(f, 'zh-CN')).toMatch(/设置/);
  });

  it.each([[123], [{}], [['acc']]])('rejects a non-string %j', (v) => {
    expect(expectInvalid(validateCallerAcc(v), 'callerAcc').message).toMatch(/must be text/);
  });
});

describe('validateMaxDur', () => {
  it.each([[30], [600], [3600]])('accepts %s within 30–3600', (v) => {
    expect(validateMaxDur(v, RANGE)).toBeNull();
  });

  it.each([
    [29, /29 s is outside the allowed range 30–3600 s/],
    [3601, /3601 s is outside/],
    [0, /0 s is outside/],
    [-60, /-60 s is outside/],
    [60.5, /whole number of seconds, got 60\.5/],
    [NaN, /got NaN/],
    [Infinity, /got Infinity/],
    ['600', /got the text "600"/],
    [null, /got null/],
    [undefined, /got nothing/],
  ])('rejects %j', (v, why) => {
    expect(expectInvalid(validateMaxDur(v, RANGE), 'maxDur').message).toMatch(why);
  });
});

describe('validateMaxDurRange', () => {
  it.each([
    [MAX_DUR_ABSOLUTE_MIN, MAX_DUR_ABSOLUTE_MAX],
    [30, 3600],
    [600, 600],
  ])('accepts %s–%s', (min, max) => {
    expect(validateMaxDurRange(min, max)).toBeNull();
  });

  it.each([
    [MAX_DUR_ABSOLUTE_MIN - 1, 3600, 'maxDurMin', /minimum call length 9 s is outside the allowed range 10–14400 s/],
    [30, MAX_DUR_ABSOLUTE_MAX + 1, 'maxDurMax', /maximum call length 14401 s is outside/],
    [100, 50, 'maxDurMax', /maximum call length \(50 s\) is below the minimum \(100 s\)/],
    [1.5, 3600, 'maxDurMin', /whole number of seconds, got 1\.5/],
    ['30', 3600, 'maxDurMin', /got the text "30"/],
    [30, NaN, 'maxDurMax', /got NaN/],
  ])('rejects %j–%j on %s', (min, max, field, why) => {
    const f = expectInvalid(validateMaxDurRange(min, max), field);
    expect(f.message).toMatch(why);
    expect(f.message).not.toMatch(/Settings/); // this IS the settings screen
  });
});

describe('validatePhoneField', () => {
  it('returns the normalised number and its kind', () => {
    expect(validatePhoneField('400-810-0000', 'callee')).toEqual({ ok: true, number: '4008100000', kind: 'tollfree' });
  });

  it('wraps the phone message and names the field', () => {
    const f = expectInvalid(validatePhoneField('+44 20 7946 0958', 'callee'), 'callee');
    expect(f.message).toContain('"+44 20 7946 0958" is not a mainland China number');
  });

  it('rejects non-strings', () => {
    expect(expectInvalid(validatePhoneField(13800138000, 'callee'), 'callee').message).toMatch(/must be text/);
  });
});

describe('validateCallRequest', () => {
  const base: CallRequestInput = { callerAcc: 'desk01', caller: CALLER, callee: '13800138000', maxDur: 600 };

  it.each([
    ['+86 138-0013-8000', '13800138000'],
    ['(010) 6552 9988', '01065529988'],
    ['400-810-0000', '4008100000'],
    ['１３８００１３８０００', '13800138000'],
  ])('normalises callee %j', (callee, expected) => {
    expect(validateCallRequest({ ...base, callee, caller: '+86 139 0013 9000' }, RANGE)).toEqual({
      ok: true,
      callerAcc: 'desk01',
      caller: CALLER,
      callee: expected,
      maxDur: 600,
    });
  });

  it.each([[''], ['  ']])('missing caller %j → set your own number in Settings', (caller) => {
    const f = expectInvalid(validateCallRequest({ ...base, caller }, RANGE), 'caller');
    expect(f.message).toMatch(/own phone number is not set.*Settings/);
    expect(words(f, 'zh-CN')).toMatch(/本机号码.*设置/);
  });

  it('invalid caller → points at Settings and names the number', () => {
    const f = expectInvalid(validateCallRequest({ ...base, caller: '12345' }, RANGE), 'caller');
    expect(f.message).toMatch(/own number in Settings/);
    expect(f.message).toContain('"12345"');
  });

  it('missing callerAcc → set it in Settings', () => {
    const f = expectInvalid(validateCallRequest({ ...base, callerAcc: '' }, RANGE), 'callerAcc');
    expect(f.message).toMatch(/Settings/);
  });

  it.each([
    ['', /empty/],
    ['+1 415 555 0100', /"\+1 415 555 0100" is not a mainland China number/],
    ['12345678901', /"12345678901" is not a valid/],
    ['138abc', /"138abc" contains letters/],
  ])('rejects callee %j', (callee, why) => {
    expect(expectInvalid(validateCallRequest({ ...base, callee }, RANGE), 'callee').message).toMatch(why);
  });

  it('refuses calling your own number, even spelt differently', () => {
    const f = expectInvalid(validateCallRequest({ ...base, callee: '+86 139-0013-9000' }, RANGE), 'callee');
    expect(f.message).toContain('"+86 139-0013-9000" is your own number (13900139000)');
  });

  it.each([[29], [3601], [60.5], [NaN]])('rejects maxDur %s', (maxDur) => {
    expectInvalid(validateCallRequest({ ...base, maxDur }, RANGE), 'maxDur');
  });

  it('rejects a string maxDur arriving over IPC', () => {
    const input = { ...base, maxDur: '600' } as unknown as CallRequestInput;
    expectInvalid(validateCallRequest(input, RANGE), 'maxDur');
  });

  it('rejects a missing request', () => {
    expectInvalid(validateCallRequest(null as unknown as CallRequestInput, RANGE), 'input');
  });
});

describe('validateConfRequest', () => {
  /** Distinct valid mobiles, none equal to CALLER. */
  const people = Array.from({ length: 10 }, (_, i) => `1380013800${i}`);
  const base: ConfRequestInput = { callerAcc: 'desk01', caller: CALLER, callees: people.slice(0, 2), maxDur: 1200 };

  it.each([[1], [2], [MAX_CONFERENCE_CALLEES]])('accepts %s callees', (n) => {
    const r = validateConfRequest({ ...base, callees: people.slice(0, n) }, RANGE);
    expect(r).toEqual({ ok: true, callerAcc: 'desk01', caller: CALLER, callees: people.slice(0, n), maxDur: 1200 });
  });

  it('rejects 0 callees', () => {
    expect(expectInvalid(validateConfRequest({ ...base, callees: [] }, RANGE), 'callees').message).toMatch(/at least one/);
  });

  it('rejects 9 callees naming the limit', () => {
    const f = expectInvalid(validateConfRequest({ ...base, callees: people.slice(0, 9) }, RANGE), 'callees');
    expect(f.message).toMatch(/at most 8 participants besides you; 9 were given/);
  });

  it('normalises every callee, keeping the order', () => {
    const r = validateConfRequest({ ...base, callees: ['(010) 6552 9988', '+86 138 0013 8000', '400-810-0000'] }, RANGE);
    expect(r).toMatchObject({ ok: true, callees: ['01065529988', '13800138000', '4008100000'] });
  });

  it('rejects duplicates after normalisation, naming both spellings and the number', () => {
    const f = expectInvalid(validateConfRequest({ ...base, callees: ['138 0013 8000', '01065529988', '+8613800138000'] }, RANGE), 'callees[2]');
    expect(f.message).toContain('"138 0013 8000" and "+8613800138000" are the same number (13800138000)');
    expect(words(f, 'zh-CN')).toContain('13800138000');
  });

  it('rejects the same spelling twice', () => {
    const f = expectInvalid(validateConfRequest({ ...base, callees: ['13800138000', '13800138000'] }, RANGE), 'callees[1]');
    expect(f.message).toMatch(/13800138000 is listed twice \(participants 1 and 2\)/);
  });

  it('rejects the caller among the callees', () => {
    const f = expectInvalid(validateConfRequest({ ...base, callees: ['13800138000', '+86 139 0013 9000'] }, RANGE), 'callees[1]');
    expect(f.message).toContain('"+86 139 0013 9000" is your own number (13900139000)');
  });

  it('names the index of a bad callee', () => {
    const callees = [people[0], people[1], people[2], '+1 415 555 0100'];
    const f = expectInvalid(validateConfRequest({ ...base, callees }, RANGE), 'callees[3]');
    expect(f.message).toMatch(/^Participant 4: "\+1 415 555 0100" is not a mainland China number/);
    expect(words(f, 'zh-CN')).toMatch(/^第 4 位与会者/);
  });

  it('rejects a non-string callee and a non-array list', () => {
    const withNumber = { ...base, callees: ['13800138000', 13800138001] } as unknown as ConfRequestInput;
    expectInvalid(validateConfRequest(withNumber, RANGE), 'callees[1]');
    const notArray = { ...base, callees: '13800138000' } as unknown as ConfRequestInput;
    expectInvalid(validateConfRequest(notArray, RANGE), 'callees');
  });

  it('checks callerAcc, caller and maxDur too', () => {
    expectInvalid(validateConfRequest({ ...base, callerAcc: 'a b' }, RANGE), 'callerAcc');
    expect(expectInvalid(validateConfRequest({ ...base, caller: '' }, RANGE), 'caller').message).toMatch(/Settings/);
    expectInvalid(validateConfRequest({ ...base, maxDur: 3601 }, RANGE), 'maxDur');
    expectInvalid(validateConfRequest({ ...base, maxDur: 10.5 }, RANGE), 'maxDur');
  });
});
