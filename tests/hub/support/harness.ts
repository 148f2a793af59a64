/**
 * A hub on a loopback port for one test file: its database from an engine, the sandbox ECP
 * simulator posting bills to the hub's callback, helpers to sign in and call the API over HTTP.
 */
import { Writable } from 'node:stream';
import { createHub, type Hub, type HubOptions } from '../../../src/hub/app';
import { readConfig, type HubConfig } from '../../../src/hub/config';
import { createLogger } from '../../../src/hub/log';
import type { Role } from '../../../src/hub/auth/tokens';
import { SANDBOX_ACCOUNT, startSimulator, type Simulator, type SimulatorProgress } from '../../../src/simulator';
import type { Engine } from './engines';

export const ADMIN = { username: 'admin', password: 'admin-password-1' };

export interface ApiAnswer<T = Record<string, unknown>> {
  status: number;
  body: T & { ok?: boolean; code?: string | number; message?: string };
  headers: Headers;
}

export interface TestHub {
  hub: Hub;
  url: string;
  simulator?: Simulator;
  logLines: string[];
  api<T = Record<string, unknown>>(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<ApiAnswer<T>>;
  login(username: string, password: string): Promise<string>;
  /** Creates a user (as admin) and signs them in. */
  user(role: Role, options?: { phone?: string; username?: string; password?: string }): Promise<{ username: string; password: string; token: string }>;
  adminToken: string;
  close(): Promise<void>;
}

let userSeq = 0;

export interface TestHubOptions {
  config?: Partial<HubConfig>;
  env?: NodeJS.ProcessEnv;
  simulator?: false | { progress?: SimulatorProgress };
  hub?: Partial<HubOptions>;
}

export async function startTestHub(engine: Engine, options: TestHubOptions = {}): Promise<TestHub> {
  const db = await engine.open();
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });
  const config: HubConfig = {
    ...readConfig({ HUB_PORT: '0', HUB_ADMIN_USER: ADMIN.username, HUB_ADMIN_PASSWORD: ADMIN.password, ...options.env }),
    inMemory: true,
    logLevel: 'info',
    ...options.config,
  };
  const hub = await createHub({ config, db, logger: createLogger({ level: 'info', destination: sink }), ...options.hub });
  const url = await hub.listen();
  let simulator: Simulator | undefined;
  if (options.simulator !== false && config.mode === 'sandbox') {
    simulator = await startSimulator({
      accounts: [SANDBOX_ACCOUNT],
      callbackUrl: `${url}/yunxin/callback`,
      progress: options.simulator?.progress ?? { ringingMs: 50, answeredMs: 50 },
    });
    hub.yunxin.setSandboxBaseUrl(simulator.url);
  }

  async function api<T>(method: string, path: string, o: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<ApiAnswer<T>> {
    const headers: Record<string, string> = { ...o.headers };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    let body: string | undefined;
    if (o.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(o.body);
    }
    const res = await fetch(url + path, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON (metrics): keep the text.
    }
    return { status: res.status, body: parsed as ApiAnswer<T>['body'], headers: res.headers };
  }

  async function login(username: string, password: string): Promise<string> {
    const r = await api<{ token: string }>('POST', '/api/login', { body: { username, password } });
    if (r.status !== 200) throw new Error(`login ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.token;
  }

  const adminToken = await login(ADMIN.username, ADMIN.password);

  async function user(role: Role, o: { phone?: string; username?: string; password?: string } = {}) {
    userSeq += 1;
    const username = o.username ?? `${role}${userSeq}x${Math.random().toString(36).slice(2, 7)}`;
    const password = o.password ?? `pw-${username}-long`;
    const r = await api('POST', '/api/users', { token: adminToken, body: { username, password, role, phone: o.phone ?? '' } });
    if (r.status !== 201) throw new Error(`create user failed: ${r.status} ${JSON.stringify(r.body)}`);
    return { username, password, token: await login(username, password) };
  }

  return {
    hub,
    url,
    simulator,
    logLines,
    api,
    login,
    user,
    adminToken,
    async close() {
      await simulator?.close();
      await hub.close();
      await db.close();
    },
  };
}

/** A distinct valid mobile number per call, so double-submit guards never collide across tests. */
let phoneSeq = 0;
export function mobile(): string {
  phoneSeq += 1;
  return `139${String(10_000_000 + ((Date.now() + phoneSeq * 7919) % 89_999_999)).slice(0, 8)}`;
}
