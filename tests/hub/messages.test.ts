/**
 * Hub refusals carry a code, the catalog sentence as `detail`, and `message` worded in the
 * language of Accept-Language (zh-CN unless the request prefers English).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMessage } from '../../src/shared/i18n';
import { languageOf } from '../../src/hub/messages';
import { engines } from './support/engines';
import { startTestHub, type TestHub } from './support/harness';

describe('languageOf (Accept-Language)', () => {
  it('picks the best supported language by q-value, zh-CN by default', () => {
    expect(languageOf(undefined)).toBe('zh-CN');
    expect(languageOf('*')).toBe('zh-CN');
    expect(languageOf('fr-FR, de;q=0.8')).toBe('zh-CN');
    expect(languageOf('en-US,en;q=0.9')).toBe('en');
    expect(languageOf('zh-TW;q=0.5, en;q=0.8')).toBe('en');
    expect(languageOf('en;q=0.2, zh-CN;q=0.9')).toBe('zh-CN');
    expect(languageOf('en;q=0, zh')).toBe('zh-CN');
    expect(languageOf('de, EN-gb')).toBe('en');
  });
});

describe.each(engines)('hub refusals in two languages ($name)', (engine) => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub(engine, { simulator: false });
  });
  afterAll(async () => t?.close());

  const en = { 'accept-language': 'en-US,en;q=0.9' };
  const zh = { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5' };

  it('the same refusal: same code and detail, words chosen by Accept-Language', async () => {
    const cases: Array<{ method: string; path: string; token?: string; body?: unknown; status: number; code: string; key: string }> = [
      { method: 'GET', path: '/api/me', status: 401, code: 'unauthorized', key: 'hub.unauthorized' },
      { method: 'GET', path: '/api/nowhere', status: 404, code: 'not_found', key: 'hub.noRoute' },
      // users
      {
        method: 'POST',
        path: '/api/users',
        token: t.adminToken,
        body: { username: 'shortpw', password: 'abc', role: 'dispatcher' },
        status: 400,
        code: 'invalid_input',
        key: 'hub.user.passwordShort',
      },
      { method: 'PATCH', path: '/api/users/nobody-here', token: t.adminToken, body: { phone: '' }, status: 404, code: 'not_found', key: 'hub.user.notFound' },
      // directory
      { method: 'POST', path: '/api/groups', token: t.adminToken, body: { name: '   ' }, status: 400, code: 'invalid_input', key: 'hub.directory.nameEmpty' },
      {
        method: 'PUT',
        path: '/api/groups/g1',
        token: t.adminToken,
        body: { name: 'x' },
        status: 428,
        code: 'precondition_required',
        key: 'hub.directory.ifMatchEdit',
      },
      // the Yunxin account (sandbox: nothing to change)
      {
        method: 'PUT',
        path: '/api/settings/yunxin',
        token: t.adminToken,
        body: { callerAcc: 'abc' },
        status: 409,
        code: 'sandbox',
        key: 'hub.settings.sandbox',
      },
    ];
    for (const c of cases) {
      const [inEn, inZh, unsaid] = await Promise.all([en, zh, {}].map((headers) => t.api(c.method, c.path, { token: c.token, body: c.body, headers })));
      for (const r of [inEn, inZh, unsaid]) {
        expect(r.status, c.path).toBe(c.status);
        expect(r.body, c.path).toMatchObject({ ok: false, code: c.code, detail: { key: c.key } });
      }
      const detail = inEn.body.detail as Parameters<typeof formatMessage>[1];
      expect(inEn.body.message).toBe(formatMessage('en', detail));
      expect(inZh.body.message).toBe(formatMessage('zh-CN', detail));
      expect(unsaid.body.message).toBe(inZh.body.message);
      expect(inZh.body.message).not.toBe(inEn.body.message);
    }
  });

  it('a role refusal names the roles; schema refusals keep their code', async () => {
    const d = await t.user('dispatcher');
    const r = await t.api('GET', '/api/users', { token: d.token, headers: en });
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({ code: 'forbidden', detail: { key: 'hub.forbidden', params: { roles: 'admin' } } });
    const bad = await t.api('POST', '/api/groups', { token: d.token, body: { name: 'x', extra: 1 }, headers: zh });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'invalid_input', detail: { key: 'hub.invalidRequest' } });
    expect(String(bad.body.message)).toMatch(/^请求不符合要求/);
  });
});
