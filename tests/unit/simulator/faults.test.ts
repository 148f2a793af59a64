import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSimulator, PATHS, type Simulator } from '../../../src/simulator';
import { APP, callForm, post, postJson, signed, UUID } from './helpers';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ accounts: [APP] });
});
beforeEach(() => sim.reset());
afterAll(() => sim.close());

const form = () => new URLSearchParams(callForm()).toString();
const callRequest = (signal?: AbortSignal) => fetch(sim.url + PATHS.startCall, { method: 'POST', headers: signed(), body: form(), signal });
const lastSession = (): string => (JSON.parse(sim.requests.at(-1)!.answer.body) as { obj: { session: string } }).obj.session;

describe('faults that sabotage delivery after processing', () => {
  it('hang: never answers, yet the call was placed', async () => {
    sim.faults.set({ kind: 'hang' });
    // Abort once the server has the request, not after a fixed delay: on a loaded machine the
    // first request of a file can take longer than any small timeout just to get there.
    const client = new AbortController();
    const pending = callRequest(client.signal);
    await vi.waitFor(() => expect(sim.requests).toHaveLength(1), { timeout: 10_000 });
    client.abort();
    await expect(pending).rejects.toThrow(/abort/i);
    expect(sim.requests.at(-1)).toMatchObject({ fault: 'hang', answer: { code: 200 } });
    sim.faults.set(null);
    // The session exists: a client that retried here would ring the phones twice.
    expect(await postJson(sim, PATHS.queryBySession, { session: lastSession(), type: '1' })).toMatchObject({ code: 200 });
  });

  it('reset in the body: headers arrive, then the body read fails', async () => {
    sim.faults.set({ kind: 'reset' });
    const res = await callRequest();
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
    expect(sim.requests.at(-1)!.fault).toBe('reset');
  });

  it('reset in the headers: the request itself fails', async () => {
    sim.faults.set({ kind: 'reset', at: 'headers' });
    await expect(callRequest()).rejects.toThrow();
  });

  it('trickle: the head comes at once, the body one byte per interval', async () => {
    const intervalMs = 10;
    sim.faults.set({ kind: 'trickle', intervalMs });
    const started = Date.now();
    const res = await callRequest();
    const headAt = Date.now() - started;
    const text = await res.text();
    const total = Date.now() - started;
    const parsed = JSON.parse(text) as { code: number; obj: { session: string } };
    expect(parsed.obj.session).toMatch(UUID);
    expect(headAt).toBeLessThan(total / 2);
    expect(total).toBeGreaterThanOrEqual((text.length - 1) * intervalMs * 0.8);
  });
});

describe('faults that answer instead of processing', () => {
  it.each([
    ['http502', 502],
    ['http503', 503],
  ] as const)('%s: an HTML error page with HTTP %i', async (kind, status) => {
    sim.faults.set({ kind });
    const answer = await post(sim, PATHS.startCall, callForm());
    expect(answer.status).toBe(status);
    expect(answer.headers.get('content-type')).toMatch(/text\/html/);
    expect(answer.text).toContain(`<h1>${status}`);
  });

  it('bad_json: HTTP 200 whose body does not parse', async () => {
    sim.faults.set({ kind: 'bad_json' });
    const answer = await post(sim, PATHS.startCall, callForm());
    expect(answer.status).toBe(200);
    expect(() => JSON.parse(answer.text)).toThrow();
  });

  it('no_session: {"code":200,"obj":{}}', async () => {
    sim.faults.set({ kind: 'no_session' });
    expect((await post(sim, PATHS.startCall, callForm())).text).toBe('{"code":200,"obj":{}}');
  });

  it('code: any Yunxin code and desc, or msg', async () => {
    sim.faults.set({ kind: 'code', code: 416, desc: 'frequency control' });
    expect(await postJson(sim, PATHS.startCall, callForm())).toEqual({ code: 416, desc: 'frequency control' });
    sim.faults.set({ kind: 'code', code: 403, msg: 'no authorization' });
    expect(await postJson(sim, PATHS.startCall, callForm())).toEqual({ code: 403, msg: 'no authorization' });
  });

  it('huge_body: 10 MB streamed without Content-Length', async () => {
    sim.faults.set({ kind: 'huge_body' });
    const res = await callRequest();
    expect(res.headers.get('content-length')).toBeNull();
    let bytes = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
    expect(bytes).toBe(10 * 1024 * 1024);
  });

  it('huge_body withLength: announces its size', async () => {
    sim.faults.set({ kind: 'huge_body', bytes: 2048, withLength: true });
    const res = await callRequest();
    expect(res.headers.get('content-length')).toBe('2048');
    expect(JSON.parse(await res.text())).toMatchObject({ code: 200 });
  });

  it('the backend never sees the request: no session is created', async () => {
    sim.faults.set({ kind: 'http503' });
    await post(sim, PATHS.startCall, callForm());
    expect(sim.requests.at(-1)).toMatchObject({ fault: 'http503', answer: { httpStatus: 503 }, signatureValid: true });
    expect(sim.requests.at(-1)!.answer.body).not.toContain('session');
  });
});

describe('fault scope and duration', () => {
  it('stays in force until cleared', async () => {
    sim.faults.set({ kind: 'http502' });
    expect((await post(sim, PATHS.startCall, callForm())).status).toBe(502);
    expect((await post(sim, PATHS.getUinfos, { accids: '["alice"]' })).status).toBe(502);
    sim.faults.set(null);
    expect((await post(sim, PATHS.startCall, callForm())).status).toBe(200);
  });

  it('applies to one path only when `path` is given', async () => {
    sim.faults.set({ kind: 'http503', path: PATHS.startConf });
    expect((await post(sim, PATHS.startCall, callForm())).status).toBe(200);
    expect((await post(sim, PATHS.startConf, { callee: '[]' })).status).toBe(503);
  });

  it('applies to the next N requests when `times` is given', async () => {
    sim.faults.set({ kind: 'code', code: 503, desc: 'busy', times: 2 });
    expect((await postJson(sim, PATHS.startCall, callForm())).code).toBe(503);
    expect((await postJson(sim, PATHS.startCall, callForm())).code).toBe(503);
    expect((await postJson(sim, PATHS.startCall, callForm())).code).toBe(200);
  });

  it('is cleared by reset()', async () => {
    sim.faults.set({ kind: 'http502' });
    sim.reset();
    expect((await post(sim, PATHS.startCall, callForm())).status).toBe(200);
  });
});
