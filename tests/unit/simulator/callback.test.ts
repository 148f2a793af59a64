import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, PATHS, type Simulator } from '../../../src/simulator';
import { APP, callForm, confForm, MOBILE_A, MOBILE_B, mobiles, postJson, waitFor } from './helpers';

interface Received {
  headers: Record<string, string | string[] | undefined>;
  raw: Buffer;
}

let receiver: Server;
let receiverUrl: string;
let received: Received[] = [];
let receiverStatus = 200;
let sim: Simulator | undefined;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, raw: Buffer.concat(chunks) });
      res.writeHead(receiverStatus).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const address = receiver.address();
  if (address === null || typeof address === 'string') throw new Error('no address');
  receiverUrl = `http://127.0.0.1:${address.port}/yunxin/callback`;
});
afterEach(async () => {
  await sim?.close();
  sim = undefined;
  received = [];
  receiverStatus = 200;
});
afterAll(() => new Promise<void>((r) => receiver.close(() => r())));

const fast = { ringingMs: 20, answeredMs: 30 };

async function place(path: string, form: Record<string, string>): Promise<string> {
  return ((await postJson(sim!, path, form)).obj as { session: string }).session;
}

/** Verified independently of the simulator's own helpers: md5 of the raw bytes, sha1(secret + md5 + curTime). */
function verify(r: Received): void {
  const md5 = createHash('md5').update(r.raw).digest('hex');
  const curTime = String(r.headers.curtime);
  expect(r.headers['content-type']).toBe('application/json');
  expect(r.headers.md5).toBe(md5);
  expect(r.headers.checksum).toBe(
    createHash('sha1')
      .update(APP.appSecret + md5 + curTime)
      .digest('hex'),
  );
  // Milliseconds, unlike the request CurTime.
  expect(curTime).toMatch(/^\d{13}$/);
  expect(Math.abs(Number(curTime) - Date.now())).toBeLessThan(10_000);
}

describe('end-of-call callback (eventType 10)', () => {
  it('POSTs a signed bill when a call ends', async () => {
    sim = await startSimulator({ accounts: [APP], progress: fast, callbackUrl: receiverUrl });
    const session = await place(PATHS.startCall, callForm());
    await waitFor(() => received.length === 1 && sim!.callbacks.length === 1);

    verify(received[0]);
    const body = JSON.parse(received[0].raw.toString('utf8')) as { eventType: string; callback: string };
    expect(body.eventType).toBe('10');
    expect(typeof body.callback).toBe('string');
    const bill = JSON.parse(body.callback) as Record<string, unknown>;
    expect(bill).toMatchObject({ session, caller: MOBILE_A, callee: MOBILE_B, initAccount: 'alice', status: 'SUCCESS', durationSec: 1 });
    expect(bill.legs).toEqual([
      expect.objectContaining({ endpoint: MOBILE_A, hangCause: 'NORMAL_CLEARING' }),
      expect.objectContaining({ endpoint: MOBILE_B, hangCause: 'NORMAL_CLEARING' }),
    ]);
    expect(sim.callbacks[0]).toMatchObject({ session, url: receiverUrl, status: 200 });
  });

  it('encodes conference members once more as a string', async () => {
    sim = await startSimulator({ accounts: [APP], progress: fast, callbackUrl: receiverUrl });
    const session = await place(PATHS.startConf, confForm(mobiles(2)));
    await waitFor(() => received.length === 1);
    verify(received[0]);
    const bill = JSON.parse((JSON.parse(received[0].raw.toString('utf8')) as { callback: string }).callback) as Record<string, unknown>;
    expect(bill.session).toBe(session);
    expect(typeof bill.members).toBe('string');
    expect(JSON.parse(bill.members as string)).toHaveLength(3);
  });

  it('records a receiver that refuses', async () => {
    receiverStatus = 500;
    sim = await startSimulator({ accounts: [APP], progress: fast, callbackUrl: receiverUrl });
    await place(PATHS.startCall, callForm());
    await waitFor(() => sim!.callbacks.length === 1);
    expect(sim.callbacks[0].status).toBe(500);
  });

  it('posts nothing for refused requests', async () => {
    sim = await startSimulator({ accounts: [APP], progress: fast, callbackUrl: receiverUrl });
    await postJson(sim, PATHS.startCall, callForm({ callerAcc: 'mallory' }));
    await new Promise((r) => setTimeout(r, 150));
    expect(received).toHaveLength(0);
  });

  it('cancels pending callbacks on close()', async () => {
    sim = await startSimulator({ accounts: [APP], progress: { ringingMs: 100, answeredMs: 0 }, callbackUrl: receiverUrl });
    await place(PATHS.startCall, callForm());
    await sim.close();
    sim = undefined;
    await new Promise((r) => setTimeout(r, 300));
    expect(received).toHaveLength(0);
  });

  it('cancels pending callbacks on reset()', async () => {
    sim = await startSimulator({ accounts: [APP], progress: { ringingMs: 100, answeredMs: 0 }, callbackUrl: receiverUrl });
    await place(PATHS.startCall, callForm());
    sim.reset();
    await new Promise((r) => setTimeout(r, 300));
    expect(received).toHaveLength(0);
  });
});
