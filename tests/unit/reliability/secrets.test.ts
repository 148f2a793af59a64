/**
 * The AppSecret never leaves main: with a sentinel secret, every flow runs through the handlers of
 * the app as openNodeRuntime assembles it (real log file, real cipher, real stores) — account
 * save/check/clear, calls, conferences, session queries, every network fault, a hostile server
 * echoing the secret back, import/export, call-log export, settings, notices, a restart — and
 * then the sentinel (also base64-, hex- or UTF-16-encoded) must appear in no IPC response, no
 * error message, no line of dispatch-desk.log, no file anywhere under the data folder, and in no
 * request that went over the wire (only its CheckSum may).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperationName } from '../../../src/shared/contract';
import { openNodeRuntime, type NodeRuntime } from '../../../src/main/preview/node-runtime';
import { createSandbox } from '../../../src/main/sandbox/sandbox';
import { startSimulator, type Fault, type Simulator } from '../../../src/simulator';
import { invoke } from '../../support/app-data';
import { CALLEE, CONF_CALLEES, OWN_NUMBER, PROD_APP_KEY, PROD_CALLER_ACC, closedPortUrl } from '../../support/production-core';

const SENTINEL = `SENTINEL${randomBytes(12).toString('hex')}Zq`;
const TIMEOUT_MS = 1000;
/** The loopback simulator, and a name that never resolves (the DNS-failure flow). */
const API_HOSTS = { allowLoopback: true, extraHosts: ['nonexistent.invalid'] };

/** The sentinel as it would look in a file or message under each encoding we might slip into. */
function encodings(secret: string): { name: string; bytes: Buffer }[] {
  const out = [
    { name: 'utf8', bytes: Buffer.from(secret, 'utf8') },
    { name: 'utf16le', bytes: Buffer.from(secret, 'utf16le') },
    { name: 'hex', bytes: Buffer.from(Buffer.from(secret).toString('hex')) },
    { name: 'HEX', bytes: Buffer.from(Buffer.from(secret).toString('hex').toUpperCase()) },
  ];
  // base64 of the secret at each of the three byte alignments it can have inside a longer text:
  // the characters that depend on the secret alone.
  for (let pad = 0; pad < 3; pad++) {
    const b64 = Buffer.concat([Buffer.alloc(pad, 0x20), Buffer.from(secret)]).toString('base64');
    const skip = Math.ceil((pad * 4) / 3) + 1;
    const keep = Math.floor(((pad + secret.length) * 4) / 3) - 1;
    out.push({ name: `base64+${pad}`, bytes: Buffer.from(b64.slice(skip, keep)) });
  }
  return out;
}
const FORMS = encodings(SENTINEL);

/** Any 8 characters in a row of `text`: a secret leaked in part is still leaked. */
function windows(name: string, text: string, size = 8): { name: string; bytes: Buffer }[] {
  const out: { name: string; bytes: Buffer }[] = [];
  for (let i = 0; i + size <= text.length; i++) {
    const part = text.slice(i, i + size);
    out.push({ name: `${name}[${i}..${i + size})`, bytes: Buffer.from(part, 'utf8') });
    out.push({ name: `${name}[${i}..${i + size}) utf16le`, bytes: Buffer.from(part, 'utf16le') });
  }
  return out;
}
// Hex: 16 digits (8 bytes), so a chance match in the many hex strings of a run (nonces, checksums) stays negligible.
const PARTS = [...windows('sentinel', SENTINEL), ...windows('sentinel hex', Buffer.from(SENTINEL).toString('hex'), 16)];

/** The sentinel's ciphertext as the vault stores it (base64): found after the run, scanned like the secret. */
let cipherParts: { name: string; bytes: Buffer }[] = [];

function leaks(haystack: Buffer | string, options: { ciphertextAllowed?: boolean } = {}): string[] {
  const bytes = typeof haystack === 'string' ? Buffer.from(haystack, 'utf8') : haystack;
  const forms = [...FORMS, ...PARTS, ...(options.ciphertextAllowed ? [] : cipherParts)];
  return forms.filter((f) => bytes.includes(f.bytes)).map((f) => f.name);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

let dataDir: string;
let prod: Simulator;
let runtime: NodeRuntime;
const responses: { op: string; result: unknown }[] = [];

async function run(op: OperationName, payload: unknown): Promise<Record<string, unknown>> {
  const result = await invoke(runtime, op, payload);
  responses.push({ op, result });
  return result;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'dispatch-secrets-'));
  prod = await startSimulator({ accounts: [{ appKey: PROD_APP_KEY, appSecret: SENTINEL, accids: [PROD_CALLER_ACC] }] });
});
afterAll(async () => {
  await runtime?.core.close();
  await prod?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const csv = (rows: string[]) => Buffer.from(['姓名,电话', ...rows].join('\r\n'), 'utf8').toString('base64');

describe('secrets: the AppSecret never leaves main', () => {
  it('the sentinel encodings are found where they are (the scanner itself works)', () => {
    expect(leaks(`x${SENTINEL}y`)).toContain('utf8');
    for (let pad = 0; pad < 3; pad++) {
      const text = `${'#'.repeat(pad)}${SENTINEL}!`;
      expect(leaks(Buffer.from(Buffer.from(text).toString('base64'))), `pad ${pad}`).toContain(`base64+${pad}`);
    }
    expect(leaks(Buffer.from(Buffer.from(SENTINEL).toString('hex')))).toContain('hex');
    expect(leaks(Buffer.from(SENTINEL, 'utf16le'))).toContain('utf16le');
    expect(leaks('nothing to see')).toEqual([]);
    // A part of it: any 8 characters in a row, wherever they sit.
    expect(leaks(`…${SENTINEL.slice(5, 13)}…`).length).toBeGreaterThan(0);
    expect(leaks(`${SENTINEL.slice(-8)}`).length).toBeGreaterThan(0);
    expect(leaks(`${SENTINEL.slice(3, 10)}`)).toEqual([]);
    // The ciphertext, once known, counts too (except in the vault file itself).
    cipherParts = windows('ciphertext', 'QUJDREVGR0hJSktMTU5P');
    expect(leaks('xxQUJDREVGR0hJxx').length).toBeGreaterThan(0);
    expect(leaks('xxQUJDREVGR0hJxx', { ciphertextAllowed: true })).toEqual([]);
    cipherParts = [];
  });

  it('runs every flow with the sentinel secret, then finds it nowhere', async () => {
    runtime = openNodeRuntime({
      dataDir,
      sandbox: createSandbox({ progress: { ringingMs: 50, answeredMs: 50 }, recordRequests: 1000 }),
      timeoutMs: TIMEOUT_MS,
      apiHosts: API_HOSTS,
    });

    // Settings and the account.
    await run('settingsGet', {});
    expect(await run('settingsSet', { callerNumber: OWN_NUMBER, callerAcc: PROD_CALLER_ACC, language: 'en' })).toMatchObject({ ok: true });
    // A new host only with the secret: refused alone, accepted below with the account.
    expect(await run('settingsSet', { baseUrl: prod.url })).toMatchObject({ ok: false, field: 'baseUrl' });
    // Refused saves must not echo what was typed.
    expect(await run('accountSave', { appKey: PROD_APP_KEY, appSecret: `${SENTINEL} x` })).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(await run('accountSave', { appKey: PROD_APP_KEY, appSecret: SENTINEL.repeat(12) })).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(await run('accountSave', { appKey: PROD_APP_KEY, appSecret: SENTINEL, note: SENTINEL })).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(await run('accountSave', { appKey: 'not a key!', appSecret: SENTINEL })).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(await run('accountSave', { appKey: PROD_APP_KEY, appSecret: SENTINEL, baseUrl: prod.url })).toMatchObject({
      ok: true,
      account: { configured: true, mode: 'production' },
    });
    await run('accountStatus', {});
    expect(await run('accountCheck', {})).toMatchObject({ ok: true, verdict: 'ok' });

    // Calls, conferences and their sessions, in production.
    const placed = await run('startCall', { callee: CALLEE });
    expect(placed).toMatchObject({ ok: true });
    const conf = await run('startConf', { callees: CONF_CALLEES });
    expect(conf).toMatchObject({ ok: true });

    // Every fault, and a hostile or broken server that echoes the secret back in its answer.
    const faults: Fault[] = [
      { kind: 'reset', at: 'body' },
      { kind: 'reset', at: 'headers' },
      { kind: 'http502' },
      { kind: 'http503' },
      { kind: 'bad_json' },
      { kind: 'no_session' },
      { kind: 'huge_body' },
      { kind: 'code', code: 414, desc: `checksum ${SENTINEL}` },
      { kind: 'code', code: 403, msg: `no authorization for ${SENTINEL}` },
      { kind: 'code', code: 9999, desc: `${SENTINEL}${SENTINEL}` },
      { kind: 'code', code: 414, msg: `bad param '${SENTINEL}'` },
    ];
    for (const fault of faults) {
      prod.faults.set(fault);
      await run('startCall', { callee: CALLEE });
      await run('startConf', { callees: CONF_CALLEES });
      await run('accountCheck', {});
    }
    // The slow ones once each: they wait for the timeout.
    prod.faults.set({ kind: 'hang' });
    await run('startCall', { callee: CALLEE });
    await run('accountCheck', {});
    prod.faults.set({ kind: 'trickle', intervalMs: 250 });
    await run('startConf', { callees: CONF_CALLEES });
    prod.faults.set(null);
    // Nothing listening, and a name that does not resolve.
    for (const baseUrl of [await closedPortUrl(), 'https://nonexistent.invalid']) {
      await run('accountSave', { appKey: PROD_APP_KEY, appSecret: SENTINEL, baseUrl });
      await run('startCall', { callee: CALLEE });
      await run('accountCheck', {});
    }
    expect(await run('accountSave', { appKey: PROD_APP_KEY, appSecret: SENTINEL, baseUrl: prod.url })).toMatchObject({ ok: true });

    // Contacts, import and export, the call log and its export, notices.
    await run('groupSave', { group: { name: 'Night shift' } });
    await run('contactSave', { contact: { name: '张三', numbers: [{ label: '手机', number: '13700137000' }], notes: 'no secrets here' } });
    const preview = await run('contactsImportPreview', { fileName: 'c.csv', dataBase64: csv(['李四,13600136000', '王五,13500135000']), duplicate: 'skip' });
    expect(preview).toMatchObject({ ok: true });
    await run('contactsImportApply', { importId: (preview.preview as { importId: string }).importId, duplicate: 'skip' });
    await run('contactsList', {});
    await run('contactsExport', {});
    await run('rosterSave', { roster: { name: 'Team', members: [{ name: '张三', number: '13700137000' }] } });
    await run('callLogList', {});
    await run('callLogExport', {});
    await run('noticesList', {});

    // Clear and save again, then a restart (the vault cannot be read by a new process key).
    await run('accountClear', {});
    await run('accountSave', { appKey: PROD_APP_KEY, appSecret: SENTINEL });
    await run('startCall', { callee: '13600136000' });
    await runtime.core.close();
    runtime = openNodeRuntime({ dataDir, sandbox: createSandbox(), timeoutMs: TIMEOUT_MS, apiHosts: API_HOSTS });
    await run('accountStatus', {});
    await run('startCall', { callee: CALLEE });
    await run('settingsGet', {});
    await run('callLogList', {});
    await run('callLogExport', {});
    await runtime.core.close();

    // The ciphertext of the sentinel, as the vault holds it: it belongs in vault.json and nowhere else.
    const vaultRecord = JSON.parse(readFileSync(join(dataDir, 'vault.json'), 'utf8')) as { appCredentials?: { secretCiphertext?: string } };
    const ciphertext = vaultRecord.appCredentials?.secretCiphertext ?? '';
    expect(ciphertext.length).toBeGreaterThan(16);
    cipherParts = [...windows('ciphertext', ciphertext), ...windows('ciphertext hex', Buffer.from(ciphertext, 'base64').toString('hex'), 16)];

    // The secret was really in use: the server saw valid signatures made with it.
    expect(prod.requests.some((r) => r.signatureValid)).toBe(true);
    expect(responses.length).toBeGreaterThan(60);

    // No IPC response, no error message.
    for (const { op, result } of responses) expect(leaks(JSON.stringify(result)), `${op} response`).toEqual([]);
    // No log line (and the log did record the flows).
    const log = readFileSync(join(dataDir, 'dispatch-desk.log'));
    expect(log.toString('utf8')).toMatch(/"event":"call\.start"/);
    expect(leaks(log), 'dispatch-desk.log').toEqual([]);
    // No file under the data folder, whatever its name (stores, aside copies, temp files, the log).
    const files = filesUnder(dataDir);
    expect(files.map((f) => f.slice(dataDir.length + 1))).toEqual(
      expect.arrayContaining(['settings.json', 'vault.json', 'contacts.journal', 'call-log.journal']),
    );
    for (const file of files) expect(leaks(readFileSync(file), { ciphertextAllowed: file.endsWith('vault.json') }), file).toEqual([]);
    // Nothing that went over the wire (headers and bodies as the server received them).
    for (const r of prod.requests) expect(leaks(JSON.stringify([r.headers, r.rawBody])), `request ${r.seq}`).toEqual([]);
  }, 60_000);
});
