/**
 * A real hub process (`src/hub/cli.ts`, PGlite in a temporary folder, sandbox mode with its own
 * simulator sending bills) for the desk's team-mode tests, and admin helpers over plain HTTP.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChildHub, type ChildHub } from '../../../hub/support/child-hub';

export const HUB_ADMIN = { username: 'admin', password: 'team-test-admin-pw' };

export interface HubProcess {
  url: string;
  port: number;
  dataDir: string;
  child: ChildHub;
  adminToken(): Promise<string>;
  /** Creates a user as admin; returns its password. */
  createUser(username: string, role: 'dispatcher' | 'supervisor' | 'admin', phone: string): Promise<string>;
  patchUser(username: string, patch: Record<string, unknown>): Promise<void>;
  /** SIGKILL (the data folder stays). */
  kill(): Promise<void>;
  /** Starts again on the same folder and port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function api(
  url: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export async function startHubProcess(env: Record<string, string> = {}): Promise<HubProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'team-hub-'));
  const base = {
    HUB_DATA_DIR: dataDir,
    HUB_ADMIN_USER: HUB_ADMIN.username,
    HUB_ADMIN_PASSWORD: HUB_ADMIN.password,
    HUB_SANDBOX_RINGING_MS: '100',
    HUB_SANDBOX_ANSWERED_MS: '200',
    HUB_DOUBLE_SUBMIT_MS: '1000',
    ...env,
  };
  let child = await startChildHub(base);
  const url = child.url;
  const port = Number(new URL(url).port);
  let token: string | undefined;
  const self: HubProcess = {
    url,
    port,
    dataDir,
    get child() {
      return child;
    },
    async adminToken() {
      if (token) return token;
      const r = await api(url, 'POST', '/api/login', undefined, HUB_ADMIN);
      if (r.status !== 200) throw new Error(`admin login: ${JSON.stringify(r.body)}`);
      token = r.body.token as string;
      return token;
    },
    async createUser(username, role, phone) {
      const password = `pw-${username}-long-enough`;
      const r = await api(url, 'POST', '/api/users', await self.adminToken(), { username, password, role, phone });
      if (r.status !== 201) throw new Error(`create user: ${JSON.stringify(r.body)}`);
      return password;
    },
    async patchUser(username, patch) {
      const r = await api(url, 'PATCH', `/api/users/${username}`, await self.adminToken(), patch);
      if (r.status !== 200) throw new Error(`patch user: ${JSON.stringify(r.body)}`);
    },
    async kill() {
      if (child.child.exitCode === null && child.child.signalCode === null) child.child.kill('SIGKILL');
      await child.exited;
    },
    async restart() {
      child = await startChildHub({ ...base, HUB_PORT: String(port) });
      token = undefined;
    },
    async stop() {
      await self.kill();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return self;
}
