/**
 * Finding 2: the sandbox simulator runs inside main and anything on the machine can reach it.
 * A flood of unsigned 1 MB requests must leave nothing behind: the app's sandbox keeps no
 * requests, a test's simulator keeps a capped ring, and an unsigned request is never stored.
 */
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../../src/main/sandbox/sandbox';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { signedHeaders } from '../../../src/yunxin';

const MB = 1024 * 1024;

function post(url: string, path: string, body: Buffer | string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

let sandbox: Sandbox | null = null;
let sim: Simulator | null = null;
afterEach(async () => {
  await sandbox?.close();
  await sim?.close();
  sandbox = null;
  sim = null;
});

describe('simulator flood', () => {
  it("the app's sandbox keeps nothing of 60 unsigned 1 MB requests", async () => {
    sandbox = createSandbox();
    const { baseUrl } = await sandbox.ensure('dispatcher');
    const body = Buffer.alloc(MB - 1, 0x61);
    for (let i = 0; i < 60; i++) await post(baseUrl, '/call/ecp/startcall.action', body);
    const running = await sandbox.simulator()!;
    expect(running.requests).toHaveLength(0);
  });

  it("a test's simulator keeps a ring of the newest, and unsigned requests without headers or body", async () => {
    sim = await startSimulator({ accounts: [{ appKey: 'k1', appSecret: 's1', accids: ['a'] }], record: 5 });
    for (let i = 0; i < 12; i++)
      await post(sim.url, '/call/ecp/startcall.action', `junk=${'x'.repeat(100_000)}&i=${i}`, { appkey: 'k1', nonce: 'n', curtime: '1', checksum: 'bad' });
    const signed = signedHeaders('k1', 's1');
    await post(sim.url, '/call/ecp/startcall.action', 'callerAcc=a&caller=13900139000&callee=13800138000', { ...signed });
    expect(sim.requests).toHaveLength(5);
    expect(sim.requests.map((r) => r.seq)).toEqual([9, 10, 11, 12, 13]);
    for (const r of sim.requests.slice(0, 4)) expect(r).toMatchObject({ signatureValid: false, rawBody: '', params: {}, headers: {} });
    expect(sim.requests[4]).toMatchObject({ signatureValid: true, params: { callee: '13800138000' } });
  });
});
