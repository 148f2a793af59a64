/**
 * Finding 1 and 9: the window must not be able to choose where the signed credentials go. A
 * capture server on loopback stands in for an attacker's host; with a production account saved,
 * nothing the window can ask for makes it receive a request.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCredentialSource } from '../../../src/main/calls/credential-source';
import { createSandbox } from '../../../src/main/sandbox/sandbox';
import { readApiHostsFile } from '../../../src/main/settings/api-hosts-file';
import { validateBaseUrl } from '../../../src/main/settings/base-url';
import { rendererUrl } from '../../../src/main/window/renderer-url';
import { DEFAULT_SETTINGS } from '../../../src/main/settings/settings-service';
import { checkApiBaseUrl, parseApiHostsFile } from '../../../src/yunxin/api-host';
import { createMemoryLog } from '../../support/memory-log';
import { blockOutsideConnections, type BlockedConnections } from '../../support/outgoing-http';
import { openTestCore, type TestCore } from '../../support/test-core';

const APP_KEY = 'a0b1c2d3e4f5061728394a5b6c7d8e9f';
const APP_SECRET = 'c0ffee0secret0a1';

interface Capture {
  url: string;
  seen: { url: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

async function startCapture(): Promise<Capture> {
  const seen: Capture['seen'] = [];
  const server: Server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    res.end('{"code":200,"obj":{}}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Every fetch to anything but the capture server fails at once: nothing leaves the machine. */
function blockOutsideFetches(): { urls: string[]; restore(): void } {
  const original = globalThis.fetch;
  const urls: string[] = [];
  globalThis.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    urls.push(url);
    if (url.startsWith('http://127.0.0.1:')) return original(input, init);
    return Promise.reject(new TypeError('fetch failed (blocked by the test)'));
  };
  return { urls, restore: () => void (globalThis.fetch = original) };
}

let dataDir: string;
let capture: Capture;
let test: TestCore | null;
let fetches: ReturnType<typeof blockOutsideFetches>;
/** The Yunxin client's own connections (node:http), blocked the same way. */
let connections: BlockedConnections;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'dispatch-host-'));
  capture = await startCapture();
  fetches = blockOutsideFetches();
  connections = blockOutsideConnections();
  test = null;
});
afterEach(async () => {
  fetches.restore();
  connections.restore();
  await test?.core.close();
  await capture.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const open = (apiHosts: { allowLoopback?: boolean }) => {
  test = openTestCore(dataDir, { sandbox: createSandbox(), timeoutMs: 500, apiHosts });
  return test;
};

describe('the API host is pinned', () => {
  it('production build: a loopback capture server set as the host receives nothing, whatever the window asks', async () => {
    const t = open({});
    expect(await t.call('settingsSet', { callerNumber: '13900139000', callerAcc: 'ops_desk' })).toMatchObject({ ok: true });
    expect(await t.call('accountSave', { appKey: APP_KEY, appSecret: APP_SECRET })).toMatchObject({ ok: true });

    // Settings alone cannot move the host, and with the secret it must still be the vendor's.
    expect(await t.call('settingsSet', { baseUrl: capture.url })).toMatchObject({ ok: false, field: 'baseUrl' });
    expect(await t.call('accountSave', { appKey: APP_KEY, appSecret: APP_SECRET, baseUrl: capture.url })).toMatchObject({
      ok: false,
      field: 'baseUrl',
    });
    for (const evil of ['https://evil.example', 'https://api.netease.im.evil.example', 'http://api.netease.im', 'https://api.netease.im/x?y=1']) {
      expect(await t.call('accountSave', { appKey: APP_KEY, appSecret: APP_SECRET, baseUrl: evil }), evil).toMatchObject({ ok: false });
    }
    expect(await t.call('settingsGet', {})).toMatchObject({ settings: { baseUrl: 'https://api.netease.im', mode: 'production' } });

    // Test connection and a call: whatever went out went to the vendor's host, none to the capture.
    await t.call('accountCheck', {});
    await t.call('startCall', { callee: '13800138000' });
    expect(capture.seen).toEqual([]);
    expect(fetches.urls.every((u) => u.startsWith('https://api.netease.im/'))).toBe(true);
    expect(connections.blocked.length).toBeGreaterThan(0);
    expect(connections.blocked.every((h) => h === 'api.netease.im:443')).toBe(true);
  });

  it('development build: loopback is allowed, but only together with the AppSecret', async () => {
    const t = open({ allowLoopback: true });
    await t.call('settingsSet', { callerNumber: '13900139000', callerAcc: 'ops_desk' });
    expect(await t.call('accountSave', { appKey: APP_KEY, appSecret: APP_SECRET })).toMatchObject({ ok: true });
    // The attack of the finding: move the host with settingsSet, then press "Test connection".
    expect(await t.call('settingsSet', { baseUrl: capture.url })).toMatchObject({ ok: false, field: 'baseUrl' });
    await t.call('accountCheck', {});
    expect(capture.seen).toEqual([]);
    // The same host with the secret typed again is a deliberate choice, and then it is used.
    expect(await t.call('accountSave', { appKey: APP_KEY, appSecret: APP_SECRET, baseUrl: capture.url })).toMatchObject({ ok: true });
    await t.call('accountCheck', {});
    expect(capture.seen.length).toBe(1);
  });

  it('a settings file edited to name another host is not used in a production build', async () => {
    writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ settings: { mode: 'production', callerAcc: 'ops_desk', baseUrl: capture.url } }));
    const t = open({});
    expect(await t.call('settingsGet', {})).toMatchObject({ settings: { baseUrl: 'https://api.netease.im' } });
  });

  it('the credentials are not handed over for a host outside the rule, and the vault is not even read', async () => {
    let vaultReads = 0;
    const source = createCredentialSource({
      vault: { getCredentials: async () => (vaultReads++, { appKey: APP_KEY, appSecret: APP_SECRET }) },
      sandbox: createSandbox(),
      log: createMemoryLog(),
      checkBaseUrl: (url) => validateBaseUrl(url, {}),
    });
    const refused = await source.resolve({ ...DEFAULT_SETTINGS, mode: 'production', baseUrl: capture.url });
    expect(refused).toMatchObject({ ok: false, field: 'baseUrl' });
    expect(vaultReads).toBe(0);
    expect(await source.resolve({ ...DEFAULT_SETTINGS, mode: 'production' })).toMatchObject({ ok: true, baseUrl: 'https://api.netease.im' });
  });
});

describe('the host rule (src/yunxin/api-host.ts)', () => {
  it.each([
    ['https://api.netease.im', {}, true],
    ['https://api-sg.netease.im/', {}, true],
    ['https://netease.im', {}, true],
    ['http://api.netease.im', {}, false],
    ['https://api.netease.im.evil.example', {}, false],
    ['https://evilnetease.im', {}, false],
    ['https://user:pw@api.netease.im', {}, false],
    ['https://api.netease.im/?q=1', {}, false],
    ['https://api.netease.im/#frag', {}, false],
    ['https://api.netease.im/a%20b', {}, false],
    ['https://api.netease.im/exfil/aGVsbG8/more/path/segments', {}, false],
    ['http://127.0.0.1:8080', {}, false],
    ['http://localhost:8080', {}, false],
    ['http://[::1]:8080', {}, false],
    ['http://127.0.0.1:8080', { allowLoopback: true }, true],
    ['http://127.9.9.9:1', { allowLoopback: true }, true],
    ['http://10.0.0.1', { allowLoopback: true }, false],
    ['https://ecp.example.com', { extraHosts: ['ecp.example.com'] }, true],
    ['http://ecp.example.com', { extraHosts: ['ecp.example.com'] }, false],
    ['https://ecp.example.com.evil.example', { extraHosts: ['ecp.example.com'] }, false],
  ])('%s with %j → %s', (url, policy, allowed) => {
    expect(checkApiBaseUrl(url, policy).ok).toBe(allowed);
  });

  it('the packaged list only adds valid host names, never loopback, and ignores a broken file', () => {
    expect(parseApiHostsFile('{"hosts":["ECP.Example.com"," a.b.c ","localhost","127.0.0.1","x/y","https://z.com",3]}')).toEqual(['ecp.example.com', 'a.b.c']);
    expect(parseApiHostsFile('not json')).toEqual([]);
    expect(parseApiHostsFile('{"hosts":"a.com"}')).toEqual([]);
    expect(readApiHostsFile(join(dataDir, 'absent.json'))).toEqual([]);
    writeFileSync(join(dataDir, 'api-hosts.json'), '{"hosts":["ecp.example.com"]}');
    expect(readApiHostsFile(join(dataDir, 'api-hosts.json'))).toEqual(['ecp.example.com']);
  });
});

describe('ELECTRON_RENDERER_URL (finding 9)', () => {
  const bundledUrl = 'file:///opt/app/resources/app.asar/out/renderer/index.html';
  it('is ignored in a packaged build', () => {
    expect(rendererUrl({ isPackaged: true, envUrl: 'https://evil.example/', bundledUrl })).toBe(bundledUrl);
  });
  it('is honoured in development', () => {
    expect(rendererUrl({ isPackaged: false, envUrl: 'http://localhost:5173/', bundledUrl })).toBe('http://localhost:5173/');
    expect(rendererUrl({ isPackaged: false, envUrl: undefined, bundledUrl })).toBe(bundledUrl);
  });
});
