import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from './support/engines';
import { startTestHub, type TestHub } from './support/harness';

type Item = { id: string; revision: number; name: string; [k: string]: unknown };

describe.each(engines)('the shared directory ($name)', (engine) => {
  let t: TestHub;
  let d: { token: string; username: string };
  beforeAll(async () => {
    t = await startTestHub(engine);
    d = await t.user('dispatcher');
  });
  afterAll(async () => t?.close());

  it('contacts: create normalises numbers; list carries the revision; update needs If-Match; stale → 409 with the current version', async () => {
    const created = await t.api<{ item: Item }>('POST', '/api/contacts', {
      token: d.token,
      body: { name: ' 张三 ', numbers: [{ label: '手机', number: '+86 138-0013-8000' }], org: 'A', favorite: true },
    });
    expect(created.status).toBe(201);
    const item = created.body.item;
    expect(item).toMatchObject({ name: '张三', numbers: [{ label: '手机', number: '13800138000' }], favorite: true, updatedBy: d.username });
    expect(created.headers.get('etag')).toBe(`"${item.revision}"`);

    const list = await t.api<{ revision: number; items: Item[] }>('GET', '/api/contacts', { token: d.token });
    expect(list.body.revision).toBeGreaterThanOrEqual(item.revision);
    expect(list.body.items.map((i) => i.id)).toContain(item.id);

    const body = { name: '张三', numbers: [{ label: '办公室', number: '010 6552 9988' }] };
    expect((await t.api('PUT', `/api/contacts/${item.id}`, { token: d.token, body })).status).toBe(428);
    const updated = await t.api<{ item: Item }>('PUT', `/api/contacts/${item.id}`, { token: d.token, body, headers: { 'if-match': `"${item.revision}"` } });
    expect(updated.status).toBe(200);
    expect(updated.body.item.revision).toBeGreaterThan(item.revision);
    expect(updated.body.item.numbers).toEqual([{ label: '办公室', number: '01065529988' }]);

    // Another desk still holding the old revision:
    const stale = await t.api<{ current: Item }>('PUT', `/api/contacts/${item.id}`, {
      token: t.adminToken,
      body: { name: 'lost edit' },
      headers: { 'if-match': `"${item.revision}"` },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('conflict');
    expect(stale.body.current).toMatchObject({ id: item.id, revision: updated.body.item.revision, name: '张三' });
  });

  it('a contact number keeps its extension; one line with two extensions is two numbers, the same one twice is refused', async () => {
    const created = await t.api<{ item: Item }>('POST', '/api/contacts', {
      token: d.token,
      body: {
        name: '前台',
        numbers: [
          { label: '总机', number: '010-6223-4302', extension: '396' },
          { label: '', number: '01062234302', extension: '401' },
        ],
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.item.numbers).toEqual([
      { label: '总机', number: '01062234302', extension: '396' },
      { label: '', number: '01062234302', extension: '401' },
    ]);
    const twice = [
      { number: '01062234302', extension: '396' },
      { number: '010 6223 4302', extension: '396' },
    ];
    expect((await t.api('POST', '/api/contacts', { token: d.token, body: { name: 'x', numbers: twice } })).status).toBe(400);
    expect((await t.api('POST', '/api/contacts', { token: d.token, body: { name: 'x', numbers: [{ number: '01062234302', extension: '3 9' }] } })).status).toBe(
      400,
    );
  });

  it('rejects bad contacts with the shared validation', async () => {
    expect((await t.api('POST', '/api/contacts', { token: d.token, body: { name: 'x', numbers: [{ number: '12345' }] } })).status).toBe(400);
    expect((await t.api('POST', '/api/contacts', { token: d.token, body: { name: '   ' } })).status).toBe(400);
    expect(
      (await t.api('POST', '/api/contacts', { token: d.token, body: { name: 'x', numbers: [{ number: '13800138000' }, { number: '+8613800138000' }] } }))
        .status,
    ).toBe(400);
    expect((await t.api('POST', '/api/contacts', { token: d.token, body: { name: 'x'.repeat(65) } })).status).toBe(400);
    expect((await t.api('POST', '/api/contacts', { token: d.token, body: { name: 'x', nope: 1 } })).status).toBe(400);
  });

  it('delete needs the current revision and leaves a tombstone in the change feed', async () => {
    const g = await t.api<{ item: Item }>('POST', '/api/groups', { token: d.token, body: { name: '调度一组' } });
    const since = g.body.item.revision - 1;
    expect((await t.api('DELETE', `/api/groups/${g.body.item.id}`, { token: d.token, headers: { 'if-match': '"1"' } })).status).toBe(409);
    const del = await t.api<{ revision: number }>('DELETE', `/api/groups/${g.body.item.id}`, {
      token: d.token,
      headers: { 'if-match': String(g.body.item.revision) },
    });
    expect(del.status).toBe(200);
    expect((await t.api('DELETE', `/api/groups/${g.body.item.id}`, { token: d.token, headers: { 'if-match': String(del.body.revision) } })).status).toBe(404);
    const list = await t.api<{ items: Item[] }>('GET', '/api/groups', { token: d.token });
    expect(list.body.items.map((i) => i.id)).not.toContain(g.body.item.id);

    const feed = await t.api<{ revision: number; changes: Array<{ id: string; deleted: boolean; revision: number }> }>(
      'GET',
      `/api/directory/changes?since=${since}`,
      { token: d.token },
    );
    const mine = feed.body.changes.filter((c) => c.id === g.body.item.id);
    expect(mine).toEqual([expect.objectContaining({ deleted: true, revision: del.body.revision })]);
    expect(feed.body.revision).toBeGreaterThanOrEqual(del.body.revision);
    const nothing = await t.api<{ changes: unknown[]; revision: number }>('GET', `/api/directory/changes?since=${feed.body.revision}`, { token: d.token });
    expect(nothing.body.changes).toEqual([]);
    expect(nothing.body.revision).toBe(feed.body.revision);
  });

  it('rosters follow the conference rules (1–8 distinct numbers)', async () => {
    const ok = await t.api<{ item: Item }>('POST', '/api/rosters', {
      token: d.token,
      body: { name: '晨会', members: [{ name: '李四', number: '13900139000' }, { number: '13700137000' }] },
    });
    expect(ok.status).toBe(201);
    expect((await t.api('POST', '/api/rosters', { token: d.token, body: { name: 'r', members: [] } })).status).toBe(400);
    const nine = Array.from({ length: 9 }, (_, i) => ({ number: `1390013900${i}` }));
    expect((await t.api('POST', '/api/rosters', { token: d.token, body: { name: 'r', members: nine } })).status).toBe(400);
    expect(
      (await t.api('POST', '/api/rosters', { token: d.token, body: { name: 'r', members: [{ number: '13900139000' }, { number: '139 0013 9000' }] } })).status,
    ).toBe(400);
  });

  it('a roster member keeps its extension; the same main number is two members only with two extensions', async () => {
    const ok = await t.api<{ item: Item }>('POST', '/api/rosters', {
      token: d.token,
      body: {
        name: '总机',
        members: [{ name: '王经理', number: '010-6223-4302', extension: '396' }, { number: '01062234302', extension: '401' }, { number: '01062234302' }],
      },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.item.members).toEqual([
      { name: '王经理', number: '01062234302', extension: '396' },
      { name: '', number: '01062234302', extension: '401' },
      { name: '', number: '01062234302' },
    ]);
    const twice = [
      { number: '01062234302', extension: '396' },
      { number: '010 6223 4302', extension: '396' },
    ];
    expect((await t.api('POST', '/api/rosters', { token: d.token, body: { name: 'r', members: twice } })).status).toBe(400);
    expect((await t.api('POST', '/api/rosters', { token: d.token, body: { name: 'r', members: [{ number: '01062234302', extension: 'x1' }] } })).status).toBe(
      400,
    );
  });

  it('every role may read and edit; anonymous may not; edits are audited', async () => {
    const s = await t.user('supervisor');
    for (const token of [d.token, s.token, t.adminToken]) {
      expect((await t.api('GET', '/api/rosters', { token })).status).toBe(200);
      expect((await t.api('POST', '/api/groups', { token, body: { name: 'g' } })).status).toBe(201);
    }
    expect((await t.api('GET', '/api/contacts')).status).toBe(401);
    expect((await t.api('POST', '/api/groups', { body: { name: 'g' } })).status).toBe(401);
    expect((await t.api('GET', '/api/directory/changes?since=0')).status).toBe(401);
    const audit = await t.api<{ items: Array<{ action: string }> }>('GET', '/api/audit?limit=500', { token: t.adminToken });
    const actions = new Set(audit.body.items.map((i) => i.action));
    for (const a of ['directory.contact.create', 'directory.contact.update', 'directory.group.delete', 'directory.roster.create']) expect(actions).toContain(a);
  });

  it('undo of a delete restores the same id at a new revision; only from the tombstone it answered', async () => {
    const c = await t.api<{ item: Item }>('POST', '/api/contacts', { token: d.token, body: { name: '王五', numbers: [{ number: '13700137001' }] } });
    const id = c.body.item.id;
    const del = await t.api<{ revision: number }>('DELETE', `/api/contacts/${id}`, { token: d.token, headers: { 'if-match': String(c.body.item.revision) } });
    const body = { name: '王五', numbers: [{ number: '13700137001' }] };
    expect((await t.api('POST', `/api/contacts/${id}/restore`, { token: d.token, body })).status).toBe(428);
    expect((await t.api('POST', `/api/contacts/${id}/restore`, { token: d.token, body, headers: { 'if-match': String(del.body.revision - 1) } })).status).toBe(
      409,
    );
    const back = await t.api<{ item: Item }>('POST', `/api/contacts/${id}/restore`, {
      token: d.token,
      body,
      headers: { 'if-match': String(del.body.revision) },
    });
    expect(back.status).toBe(200);
    expect(back.body.item).toMatchObject({ id, name: '王五', numbers: [{ number: '13700137001' }] });
    expect(back.body.item.revision).toBeGreaterThan(del.body.revision);
    // A second undo (another desk, a double click) finds it live: their version, no second copy.
    const again = await t.api<{ code: string; current: Item }>('POST', `/api/contacts/${id}/restore`, {
      token: d.token,
      body,
      headers: { 'if-match': String(del.body.revision) },
    });
    expect(again.status).toBe(409);
    expect(again.body.current).toMatchObject({ id, revision: back.body.item.revision });
    const feed = await t.api<{ changes: Array<{ id: string; deleted: boolean }> }>('GET', `/api/directory/changes?since=${del.body.revision}`, {
      token: d.token,
    });
    expect(feed.body.changes.filter((x) => x.id === id)).toEqual([expect.objectContaining({ id, deleted: false })]);
    const list = await t.api<{ items: Item[] }>('GET', '/api/contacts', { token: d.token });
    expect(list.body.items.filter((i) => i.name === '王五')).toHaveLength(1);
  });

  it('an upload is one transaction: new groups by ref, creates, updates on their revision, refused rows reported; a repeated key writes nothing', async () => {
    const existing = await t.api<{ item: Item }>('POST', '/api/contacts', { token: d.token, body: { name: '已有', numbers: [{ number: '13700137002' }] } });
    const before = await t.api<{ items: Item[] }>('GET', '/api/contacts', { token: d.token });
    const upload = {
      key: 'upload-test-0001',
      groups: [{ ref: 'local-g1', name: '外勤' }],
      contacts: [
        { data: { name: '上传甲', numbers: [{ number: '13700137101' }], groupIds: ['local-g1'] } },
        { data: { name: '上传乙', numbers: [{ number: '12345' }] } },
        { id: existing.body.item.id, revision: existing.body.item.revision, data: { name: '已有', numbers: [{ number: '13700137002' }], org: '合并' } },
        { id: existing.body.item.id, revision: existing.body.item.revision, data: { name: '已有', org: '过期' } },
      ],
    };
    const r = await t.api<{
      created: number;
      updated: number;
      failed: Array<{ index: number; code: string }>;
      groups: Record<string, string>;
      repeated: boolean;
    }>('POST', '/api/directory/import', { token: d.token, body: upload });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ repeated: false, created: 1, updated: 1 });
    expect(r.body.failed.map((f) => [f.index, f.code])).toEqual([
      [1, 'invalid_input'],
      [3, 'conflict'],
    ]);
    const after = await t.api<{ items: Item[] }>('GET', '/api/contacts', { token: d.token });
    expect(after.body.items.length).toBe(before.body.items.length + 1);
    expect(after.body.items.find((i) => i.name === '上传甲')?.groupIds).toEqual([r.body.groups['local-g1']]);
    expect(after.body.items.find((i) => i.id === existing.body.item.id)?.org).toBe('合并');

    const again = await t.api<{ repeated: boolean; created: number }>('POST', '/api/directory/import', { token: d.token, body: upload });
    expect(again.body).toMatchObject({ repeated: true, created: 1 });
    expect((await t.api<{ items: Item[] }>('GET', '/api/contacts', { token: d.token })).body.items.length).toBe(after.body.items.length);
    expect((await t.api('POST', '/api/directory/import', { body: upload })).status).toBe(401);
  });
});
