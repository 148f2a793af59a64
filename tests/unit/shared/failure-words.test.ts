/**
 * Every failure main can answer with carries a catalog message that reads in both UI languages:
 * each Yunxin code of the code table and each way the server words a 414, each local failure
 * code and reason, the vault's refusals, the IPC entry's refusals, and the input rules (calls,
 * conferences, settings, phone numbers, contacts, rosters). Enumerated from the tables and the
 * union types themselves, so a new code without words fails here.
 */
import { describe, expect, it } from 'vitest';
import { checkContact } from '../../../src/main/contacts/contact-rules';
import { checkRoster } from '../../../src/main/contacts/roster-rules';
import { invokeOperation, type OperationHandlers } from '../../../src/main/ipc/operations';
import { tryWrite } from '../../../src/main/stores/write-failure';
import { encryptionFailedFailure, encryptionUnavailableFailure, insecureBackendFailure, writeFailedFailure } from '../../../src/main/vault/vault-failures';
import { validateCredentials } from '../../../src/main/vault/vault-input';
import { LANGUAGES, formatMessage, isMessage } from '../../../src/shared/i18n';
import { normalizePhone, phoneErrorText, type PhoneFailureReason } from '../../../src/shared/phone';
import type { Failure, LocalFailureCode, Result } from '../../../src/shared/result';
import { validateCallRequest, validateCallerAcc, validateConfRequest, validateMaxDurRange } from '../../../src/shared/validation';
import { toFailure, type FailureFacts, type LocalReason } from '../../../src/yunxin/errors';
import { SERVER_CODE_KEYS } from '../../../src/yunxin/server-codes';
import { createMemoryLog } from '../../support/memory-log';

const HAN = /[\u4e00-\u9fff]/;

/** Worded in both languages from the catalog, every placeholder filled. */
function expectWorded(f: Failure | Result | null | undefined, what: string): void {
  expect(f, what).toBeTruthy();
  expect(f!.ok, what).toBe(false);
  const detail = (f as Failure).detail;
  expect(isMessage(detail), `${what}: ${JSON.stringify(detail)}`).toBe(true);
  for (const lang of LANGUAGES) {
    const words = formatMessage(lang, detail!);
    expect(words, `${what} (${lang})`).not.toMatch(/\{\w+\}/);
    expect(words.trim(), `${what} (${lang})`).not.toBe('');
  }
  expect(formatMessage('zh-CN', detail!), what).toMatch(HAN);
  // English may quote the vendor's product name (专线电话), nothing else Chinese.
  expect(formatMessage('en', detail!).replace('专线电话', ''), what).not.toMatch(HAN);
  expect((f as Failure).message, what).not.toBe('');
}

const LOCAL_CODES: Record<LocalFailureCode, true> = {
  invalid_input: true,
  timeout: true,
  network: true,
  bad_response: true,
  not_configured: true,
  forbidden_sender: true,
  storage: true,
  busy: true,
  internal: true,
  unauthorized: true,
  forbidden: true,
  conflict: true,
  not_found: true,
};
const LOCAL_REASONS: Record<LocalReason, LocalFailureCode> = {
  timeout: 'timeout',
  refused: 'network',
  dns: 'network',
  tls: 'network',
  connection_lost: 'network',
  non_json: 'bad_response',
  too_large: 'bad_response',
  missing_code: 'bad_response',
  missing_session: 'bad_response',
  invalid_input: 'invalid_input',
  unknown_account: 'not_found',
};

describe('Yunxin answers', () => {
  const codes = Object.keys(SERVER_CODE_KEYS).map(Number);

  it.each(codes)('code %i of the code table', (code) => {
    expectWorded(toFailure({ code }), `code ${code}`);
    expectWorded(toFailure({ code, clockSkewSeconds: -400, httpStatus: 200 }), `code ${code} with skew`);
  });

  it.each<[string, FailureFacts]>([
    ['414 checksum', { code: 414, serverText: 'checksum error' }],
    ['414 bad http header', { code: 414, serverText: 'bad http header' }],
    ['414 app key', { code: 414, serverText: 'appkey not exist' }],
    ['414 bad param callerAcc', { code: 414, serverText: 'bad param callerAcc' }],
    ['414 bad param accids', { code: 414, serverText: "bad param 'accids'" }],
    ['414 bad param callee', { code: 414, serverText: 'bad param callee' }],
    ['414 bad param caller', { code: 414, serverText: 'bad param caller' }],
    ['414 bad param maxDur', { code: 414, serverText: 'bad param maxDur' }],
    ['414 bad param other', { code: 414, serverText: 'bad param record' }],
    ['414 other', { code: 414, serverText: 'something' }],
    ['414 without text', { code: 414 }],
    ['curtime expired, skew known', { code: 414, serverText: 'CurTime is expired', clockSkewSeconds: 9000 }],
    ['curtime expired, skew unknown', { code: 414, serverText: 'curTime expired' }],
    ['caller busy', { code: 500, serverText: 'caller is in another conversation' }],
    ['403 no authorization', { code: 403, serverText: 'no authorization' }],
    ['HTTP 400', { code: 400, httpStatus: 400 }],
    ['unknown code', { code: 9123 }],
    ['unknown code with text', { code: 9123, serverText: 'something new' }],
  ])('%s', (what, facts) => expectWorded(toFailure(facts), what));
});

describe('local failures', () => {
  it.each(Object.keys(LOCAL_CODES) as LocalFailureCode[])('code %s', (code) => {
    expectWorded(toFailure({ code }), code);
    expectWorded(toFailure({ code, detail: 'AppKey', host: 'api.netease.im', ringsPhones: true }), `${code} with facts`);
  });

  it.each(Object.entries(LOCAL_REASONS) as [LocalReason, LocalFailureCode][])('reason %s', (reason, code) => {
    for (const ringsPhones of [false, true]) {
      for (const host of [undefined, 'api.netease.im']) {
        for (const httpStatus of [undefined, 200, 400, 502]) {
          const facts: FailureFacts = { code, reason, ringsPhones, host, httpStatus, timeoutMs: 8000, detail: 'ops_desk' };
          expectWorded(toFailure(facts), JSON.stringify(facts));
        }
      }
    }
    expectWorded(toFailure({ code, reason, clockSkewSeconds: 61 }), `${reason} with skew`);
  });
});

describe('main refusals', () => {
  it('vault', () => {
    expectWorded(insecureBackendFailure('basic_text'), 'insecure backend');
    expectWorded(encryptionUnavailableFailure('gnome_libsecret'), 'unavailable');
    expectWorded(encryptionFailedFailure('kwallet5'), 'encrypt failed');
    expectWorded(writeFailedFailure(), 'write failed');
    expectWorded(validateCredentials({ appKey: 'a b', appSecret: 'x' }) as Failure, 'app key format');
    expectWorded(validateCredentials({ appKey: 'abc', appSecret: 'with space' }) as Failure, 'app secret format');
  });

  it('storage', () => {
    const f = tryWrite(createMemoryLog(), 'test', () => {
      throw new Error('ENOSPC');
    });
    expectWorded(f, 'write failed');
  });

  it('IPC entry', async () => {
    const log = createMemoryLog();
    const handlers = {
      settingsGet: async () => {
        throw new Error('bug');
      },
    } as unknown as OperationHandlers;
    const trusted = { trusted: true } as const;
    expectWorded(await invokeOperation(handlers, 'settingsGet', {}, { trusted: false, reason: 'frame' }, log), 'sender');
    expectWorded(await invokeOperation(handlers, 'noSuchOperation', {}, trusted, log), 'unknown operation');
    expectWorded(await invokeOperation(handlers, 'settingsGet', { extra: 1 }, trusted, log), 'invalid payload');
    expectWorded(await invokeOperation(handlers, 'settingsGet', {}, trusted, log), 'handler threw');
  });
});

describe('input rules', () => {
  const range = { min: 60, max: 600 };
  const call = { callerAcc: 'ops', caller: '13900139000', callee: '13800138000', maxDur: 300 };
  const conf = { callerAcc: 'ops', caller: '13900139000', callees: ['13800138000'], maxDur: 300 };

  it('phone numbers, every reason', () => {
    const samples: Record<PhoneFailureReason, string> = {
      empty: ' ',
      letters: '138abc',
      foreign: '+1 415 555 0100',
      too_short: '12345',
      too_long: '1380013800012345',
      invalid: '12345678901',
    };
    for (const [reason, input] of Object.entries(samples)) {
      const p = normalizePhone(input);
      expect(p.ok ? null : p.reason, input).toBe(reason);
      if (!p.ok) expectWorded({ ok: false, code: 'invalid_input', message: 'x', detail: phoneErrorText(p) }, reason);
    }
  });

  it.each<[string, unknown]>([
    ['no callerAcc', { ...call, callerAcc: '' }],
    ['callerAcc not text', { ...call, callerAcc: 5 }],
    ['callerAcc too long', { ...call, callerAcc: 'a'.repeat(33) }],
    ['callerAcc bad characters', { ...call, callerAcc: 'a b#' }],
    ['no own number', { ...call, caller: '' }],
    ['own number unusable', { ...call, caller: '12' }],
    ['callee not text', { ...call, callee: null }],
    ['callee is own number', { ...call, callee: '139 0013 9000' }],
    ['maxDur not whole', { ...call, maxDur: 60.5 }],
    ['maxDur text', { ...call, maxDur: '600' }],
    ['maxDur undefined', { ...call, maxDur: undefined }],
    ['maxDur object', { ...call, maxDur: {} }],
    ['maxDur out of range', { ...call, maxDur: 601 }],
    ['not an object', null],
  ])('call: %s', (what, input) => expectWorded(validateCallRequest(input as never, range), what));

  it.each<[string, unknown]>([
    ['callees not a list', { ...conf, callees: 'x' }],
    ['no callees', { ...conf, callees: [] }],
    ['too many callees', { ...conf, callees: Array.from({ length: 9 }, (_, i) => `1380013800${i}`) }],
    ['a bad callee', { ...conf, callees: ['13800138000', 'abc'] }],
    ['own number as callee', { ...conf, callees: ['13900139000'] }],
    ['same number twice', { ...conf, callees: ['13800138000', '13800138000'] }],
    ['same number spelled twice', { ...conf, callees: ['13800138000', '+86 138 0013 8000'] }],
  ])('conference: %s', (what, input) => expectWorded(validateConfRequest(input as never, range), what));

  it('settings ranges and the accid alone', () => {
    expectWorded(validateMaxDurRange(600, 60) as Failure, 'inverted');
    expectWorded(validateMaxDurRange(1, 60) as Failure, 'min out of range');
    expectWorded(validateMaxDurRange(60, 'x') as Failure, 'max not a number');
    expectWorded(validateCallerAcc(' ') as Failure, 'blank accid');
  });

  it('contacts', () => {
    const options = { groupExists: () => false, unknownGroups: 'reject' as const };
    const ok = { name: '张三', numbers: [{ label: '', number: '13800138000' }] };
    const cases: [string, Parameters<typeof checkContact>[0]][] = [
      ['no name', { ...ok, name: ' ' }],
      ['long name', { ...ok, name: 'x'.repeat(200) }],
      ['long org', { ...ok, org: 'x'.repeat(500) }],
      ['long notes', { ...ok, notes: 'x'.repeat(5000) }],
      ['long label', { ...ok, numbers: [{ label: 'x'.repeat(100), number: '13800138000' }] }],
      ['bad number', { ...ok, numbers: [{ label: '', number: 'abc' }] }],
      ['same number twice', { ...ok, numbers: [ok.numbers[0], { label: '', number: '+86 13800138000' }] }],
      ['too many numbers', { ...ok, numbers: Array.from({ length: 50 }, (_, i) => ({ label: '', number: `138001380${10 + i}` })) }],
      ['group gone', { ...ok, groupIds: ['g1'] }],
    ];
    for (const [what, input] of cases) expectWorded(checkContact(input, options) as Failure, what);
  });

  it('rosters', () => {
    const options = { ownNumber: '13900139000', contactExists: () => false };
    const member = { name: '', number: '13800138000' };
    const cases: [string, Parameters<typeof checkRoster>[0]][] = [
      ['no name', { name: '', members: [member] }],
      ['no members', { name: 'r', members: [] }],
      ['too many', { name: 'r', members: Array.from({ length: 9 }, (_, i) => ({ name: '', number: `1380013800${i}` })) }],
      ['long member name', { name: 'r', members: [{ name: 'x'.repeat(200), number: '13800138000' }] }],
      ['bad number', { name: 'r', members: [{ name: '', number: '1' }] }],
      ['own number', { name: 'r', members: [{ name: '', number: '13900139000' }] }],
      ['same number twice', { name: 'r', members: [member, member] }],
    ];
    for (const [what, input] of cases) expectWorded(checkRoster(input, options) as Failure, what);
  });
});
