/**
 * The sentinel-secret scan for team mode: the hub password (a sentinel) and the token the hub
 * issues never reach the window (no IPC answer, no event), a log line or a file other than the
 * vault's ciphertext. The app is assembled as openNodeRuntime does (real log file, real stores,
 * in-memory-key cipher) against a real hub process; the token is learnt from the wire (the only
 * place it may travel), then searched for everywhere else, in the same encodings as the AppSecret.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEvent, OperationName } from '../../../src/shared/contract';
import { openNodeRuntime, type NodeRuntime } from '../../../src/main/preview/node-runtime';
import { createSandbox } from '../../../src/main/sandbox/sandbox';
import { invoke } from '../../support/app-data';
import { startHubProcess, type HubProcess } from '../team/support/hub-process';

const PASSWORD = `HubPw${randomBytes(10).toString('hex')}Zq`;
const USER = 'secret_disp';

function forms(secret: string): { name: string; bytes: Buffer }[] {
  const out = [
    { name: 'utf8', bytes: Buffer.from(secret, 'utf8') },
    { name: 'utf16le', bytes: Buffer.from(secret, 'utf16le') },
    { name: 'hex', bytes: Buffer.from(Buffer.from(secret).toString('hex')) },
  ];
  for (let pad = 0; pad < 3; pad++) {
    const b64 = Buffer.concat([Buffer.alloc(pad, 0x20), Buffer.from(secret)]).toString('base64');
    out.push({ name: `base64+${pad}`, bytes: Buffer.from(b64.slice(Math.ceil((pad * 4) / 3) + 1, Math.floor(((pad + secret.length) * 4) / 3) - 1)) });
  }
  // Any 12 characters in a row: a secret leaked in part is still leaked.
  for (let i = 0; i + 12 <= secret.length; i += 3) out.push({ name: `part ${i}`, bytes: Buffer.from(secret.slice(i, i + 12)) });
  return out;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

let hub: HubProcess;
let dataDir: string;
let runtime: NodeRuntime;
const answers: { op: string; result: unknown }[] = [];
const events: AppEvent[] = [];
const tokensOnTheWire = new Set<string>();

/** Hub traffic as it leaves main: the token is read from the Authorization header. */
const wireFetch: typeof fetch = (input, init) => {
  const auth = (init?.headers as Record<string, string> | undefined)?.authorization;
  if (auth) tokensOnTheWire.add(auth.replace(/^Bearer /, ''));
  return fetch(input, init);
};

function open() {
  runtime = openNodeRuntime({ dataDir, sandbox: createSandbox(), timeoutMs: 3000, team: { fetch: wireFetch, backoff: { firstMs: 50, maxMs: 200 } } });
  runtime.core.subscribe((e) => {
    events.push(e);
    for (const w of [...waiters]) w();
  });
}
const waiters = new Set<() => void>();

async function run(op: OperationName, payload: unknown) {
  const result = await invoke(runtime, op, payload);
  answers.push({ op, result });
  return result;
}

function until(predicate: (e: AppEvent) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (!events.some(predicate)) return;
      waiters.delete(check);
      resolve();
    };
    waiters.add(check);
    check();
  });
}

beforeAll(async () => {
  hub = await startHubProcess();
  await hub.createUser(USER, 'dispatcher', '13800138000');
  await hub.patchUser(USER, { password: PASSWORD });
  dataDir = mkdtempSync(join(tmpdir(), 'team-secrets-'));
}, 90_000);

afterAll(async () => {
  await runtime?.core.close();
  await hub?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('secrets: the hub password and token never leave main', () => {
  it('runs the team flows, then finds neither anywhere but on the wire (and the token only encrypted in the vault)', async () => {
    open();
    // Refused sign-ins must not echo what was typed.
    expect(await run('teamSignIn', { hubUrl: hub.url, username: USER, password: `${PASSWORD}x` })).toMatchObject({ ok: false });
    expect(await run('teamSignIn', { hubUrl: `http://example.com/${PASSWORD}`, username: USER, password: PASSWORD })).toMatchObject({ ok: false });
    expect(await run('teamSignIn', { hubUrl: hub.url, username: USER, password: PASSWORD, extra: PASSWORD })).toMatchObject({ ok: false });
    expect(await run('teamSignIn', { hubUrl: hub.url, username: USER, password: PASSWORD })).toMatchObject({ ok: true });
    await until((e) => e.type === 'teamStatusChanged' && e.data.team.connection === 'online');
    await run('teamStatus', {});
    const call = (await run('startCall', { callee: '13912345678' })) as { logId: string };
    await until((e) => e.type === 'callUpdated' && e.data.entry.id === call.logId && e.data.entry.state === 'ended');
    await run('startConf', { callees: ['13912345601', '13912345602'] });
    await run('callLogList', {});
    await run('callLogExport', {});
    await run('settingsGet', {});
    // A restart resumes the stored sign-in (the in-memory key is gone: the desk asks to sign in again).
    await runtime.core.close();
    open();
    await run('teamStatus', {});
    expect(await run('teamSignIn', { hubUrl: hub.url, username: USER, password: PASSWORD })).toMatchObject({ ok: true });
    await until((e) => e.type === 'teamStatusChanged' && e.data.team.connection === 'online');
    await run('teamSignOut', {});
    await runtime.core.close();

    expect(tokensOnTheWire.size).toBeGreaterThanOrEqual(2);
    const secrets = [PASSWORD, ...tokensOnTheWire].flatMap((s, i) => forms(s).map((f) => ({ ...f, name: `${i === 0 ? 'password' : 'token'} ${f.name}` })));
    const leaks = (bytes: Buffer | string) => {
      const b = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
      return secrets.filter((f) => b.includes(f.bytes)).map((f) => f.name);
    };
    expect(leaks(`..${PASSWORD}..`).length).toBeGreaterThan(0);

    for (const { op, result } of answers) expect(leaks(JSON.stringify(result)), `${op} answer`).toEqual([]);
    expect(leaks(JSON.stringify(events)), 'events').toEqual([]);
    const log = readFileSync(join(dataDir, 'dispatch-desk.log'));
    expect(log.toString('utf8')).toMatch(/team\.signed_in/);
    expect(leaks(log), 'dispatch-desk.log').toEqual([]);
    for (const file of filesUnder(dataDir)) expect(leaks(readFileSync(file)), file).toEqual([]);
  }, 90_000);
});
