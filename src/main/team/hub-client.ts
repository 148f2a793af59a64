/**
 * The desk's client for the team hub (src/hub): plain Node (Node's fetch), no Electron, so tests
 * run it against a real hub process. Every method resolves to `{ ok: true, … }` or a Failure with
 * a catalog message, like the Yunxin client: nothing throws.
 *
 * - Timeouts cover connect, headers and body.
 * - An https hub whose certificate the OS does not trust is refused (Node verifies certificates;
 *   there is deliberately no switch to turn that off).
 * - Calls and conferences are sent once. A timeout or a broken connection is reported as "may have
 *   been placed", never retried.
 */
import { msg } from '../../shared/i18n';
import { DEFAULT_TIMEOUT_MS } from '../../shared/limits';
import { failWith, type Failure, type Result } from '../../shared/result';
import type { HubMode, TeamDayCounts, TeamRole, TeamUser } from '../../shared/team';
import { classifyNetworkError } from '../../yunxin/transport';

export interface HubUser {
  username: string;
  role: TeamRole;
  phone: string;
}

/** One call row as the hub lists it (bills joined by session). */
export interface HubCall {
  id: number;
  kind: 'call' | 'conference';
  session: string | null;
  dispatcher: string;
  caller: string;
  callees: string[];
  maxDur?: number | null;
  createdAt: string;
  result: { ok: boolean; code?: string | number; message?: string };
  bill: null | {
    status: string | null;
    durationSec: number | null;
    startedAt: string | null;
    endedAt: string | null;
    legs: Array<{ number: string | null; hangCause: string | null; endedAt: string | null }>;
  };
}

export type DirectoryKind = 'contact' | 'group' | 'roster';
export const DIRECTORY_PATHS: Record<DirectoryKind, string> = { contact: 'contacts', group: 'groups', roster: 'rosters' };

/** A directory item as the hub stores it: its fields, its id and the revision it was last written at. */
export type HubItem = Record<string, unknown> & { id: string; revision: number; updatedBy: string; updatedAt: string };

export interface DirectoryChange {
  kind: DirectoryKind;
  id: string;
  revision: number;
  deleted: boolean;
  item: HubItem | null;
}

/** A 409 from the hub carries the current version, so the desk can show both. */
export type ConflictFailure = Failure & { current?: HubItem };

export interface HubClientOptions {
  baseUrl: string;
  /** The bearer token; absent before sign-in. */
  token?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** Only the fields the desk shows (the hub's row has ids and dates too). */
const userOf = (u: TeamUser): TeamUser => ({ username: u.username, role: u.role, phone: u.phone, disabled: u.disabled === true });

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** The hub's address as typed → its origin (no path, no credentials), or a failure. */
export function checkHubUrl(raw: string): { ok: true; url: string; host: string } | Failure {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return failWith('invalid_input', msg('team.err.badAddress'), { field: 'hubUrl' });
  }
  if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.username || u.password || u.search || u.hash) {
    return failWith('invalid_input', msg('team.err.badAddress'), { field: 'hubUrl' });
  }
  // A password and a token over plain http could be read by anyone on the network.
  if (u.protocol === 'http:' && !LOOPBACK.has(u.hostname)) return failWith('invalid_input', msg('team.err.plainHttp'), { field: 'hubUrl' });
  const path = u.pathname.replace(/\/+$/, '');
  return { ok: true, url: `${u.protocol}//${u.host}${path}`, host: u.host };
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

export interface HubClient {
  readonly baseUrl: string;
  readonly host: string;
  health(): Promise<Result<{ mode: HubMode }>>;
  login(username: string, password: string): Promise<Result<{ token: string; expiresAt?: string; user: HubUser }>>;
  me(): Promise<Result<{ user: HubUser; mode: HubMode }>>;
  logout(): Promise<Result>;
  startCall(request: { callee: string; maxDur?: number }): Promise<Result<{ session: string; id: number }>>;
  /** `extensions`: by position, '' for none; the hub checks the rules with them and dials main numbers only. */
  startConf(request: { callees: string[]; extensions?: readonly string[]; maxDur?: number }): Promise<Result<{ session: string; id: number }>>;
  calls(query?: { limit?: number; before?: number; mine?: boolean }): Promise<Result<{ items: HubCall[] }>>;
  directory(kind: DirectoryKind): Promise<Result<{ revision: number; items: HubItem[] }>>;
  changes(since: number, limit?: number): Promise<Result<{ revision: number; more: boolean; changes: DirectoryChange[] }>>;
  create(kind: DirectoryKind, body: Record<string, unknown>): Promise<Result<{ item: HubItem }>>;
  update(kind: DirectoryKind, id: string, revision: number, body: Record<string, unknown>): Promise<Result<{ item: HubItem }> | ConflictFailure>;
  remove(kind: DirectoryKind, id: string, revision: number): Promise<Result<{ revision: number }> | ConflictFailure>;
  /** Today's counts in the centre's time zone (staff: the team's; a dispatcher: their own). */
  todayCounts(): Promise<Result<{ counts: TeamDayCounts }>>;
  /** Admin only: the team's users. */
  users(): Promise<Result<{ users: TeamUser[] }>>;
  /** Admin only: the phone the hub rings first for `username`. */
  setUserPhone(username: string, phone: string): Promise<Result<{ user: TeamUser }>>;
  /** Undo of a delete: the same id back, from the tombstone at `revision` (what `remove` answered). */
  restore(kind: DirectoryKind, id: string, revision: number, body: Record<string, unknown>): Promise<Result<{ item: HubItem }> | ConflictFailure>;
  /** An upload of many contacts, applied by the hub in one transaction (all or nothing); `key` makes a repeat harmless. */
  importDirectory(upload: DirectoryUpload): Promise<Result<DirectoryUploadResult>>;
}

export interface DirectoryUpload {
  key: string;
  groups: Array<{ ref: string; name: string }>;
  contacts: Array<{ id?: string; revision?: number; data: Record<string, unknown> }>;
}

export interface DirectoryUploadResult {
  repeated: boolean;
  revision: number;
  created: number;
  updated: number;
  failed: Array<{ index: number; code: string; message: string }>;
  groups: Record<string, string>;
}

/** An upload of 50 000 contacts is one transaction on the hub: it gets longer than a click's timeout. */
export const UPLOAD_TIMEOUT_MS = 180_000;

export function createHubClient(options: HubClientOptions): HubClient | Failure {
  const checked = checkHubUrl(options.baseUrl);
  if (!checked.ok) return checked;
  const { url: baseUrl, host } = checked;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const doFetch = options.fetch ?? fetch;

  function transportFailure(err: unknown, timedOut: boolean, placing: boolean): Failure {
    const seconds = Math.round(timeoutMs / 1000);
    if (timedOut) return failWith('timeout', placing ? msg('team.err.callTimeout', { seconds }) : msg('team.err.timeout', { hub: host, seconds }));
    const reason = classifyNetworkError(err);
    if (reason === 'tls') return failWith('network', msg('team.err.tlsUntrusted', { hub: host }));
    if (reason === 'timeout') return failWith('timeout', placing ? msg('team.err.callTimeout', { seconds }) : msg('team.err.timeout', { hub: host, seconds }));
    if (placing && reason === 'connection_lost') return failWith('network', msg('team.err.callTimeout', { seconds }));
    return failWith('network', msg('team.err.unreachable', { hub: host }));
  }

  /** One exchange, never repeated; `placing` words a lost answer as "may have been placed". */
  async function send(
    method: string,
    path: string,
    body?: unknown,
    extra: Record<string, string> = {},
    placing = false,
    limitMs = timeoutMs,
  ): Promise<Answer | Failure> {
    const headers: Record<string, string> = { accept: 'application/json', ...extra };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, limitMs);
    try {
      const res = await doFetch(baseUrl + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
        // A redirect would carry the token (or the password) to another address.
        redirect: 'manual',
      });
      const text = await res.text();
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      if (typeof parsed !== 'object' || parsed === null || typeof (parsed as { ok?: unknown }).ok !== 'boolean') {
        return failWith('bad_response', msg('team.err.badResponse'), { httpStatus: res.status });
      }
      return { status: res.status, body: parsed as Record<string, unknown> };
    } catch (err) {
      return transportFailure(err, timedOut, placing);
    } finally {
      clearTimeout(timer);
    }
  }

  /** A hub refusal → a Failure the dispatcher can read. */
  function refusal(a: Answer): ConflictFailure {
    const code = a.body.code;
    const hubMessage = typeof a.body.message === 'string' ? a.body.message : `HTTP ${a.status}`;
    const extra = { httpStatus: a.status };
    if (a.status === 401) return failWith('unauthorized', msg('team.err.expired'), extra);
    if (code === 'disabled') return failWith('unauthorized', msg('team.err.disabled'), extra);
    if (a.status === 429 && typeof a.body.retryAfterSeconds === 'number')
      return failWith('busy', msg('team.err.throttled', { seconds: a.body.retryAfterSeconds }), extra);
    if (a.status === 403) return failWith('forbidden', msg('team.err.forbidden'), extra);
    if (a.status === 409 && code === 'conflict') {
      const f: ConflictFailure = failWith('conflict', msg('team.err.conflict'), extra);
      if (typeof a.body.current === 'object' && a.body.current !== null) f.current = a.body.current as HubItem;
      return f;
    }
    if (a.status === 404 && code === 'not_found') return failWith('not_found', msg('team.err.notFound'), extra);
    // The hub's own failure (a Yunxin refusal, a double submit, bad input): keep its words and detail.
    const detail = a.body.detail;
    const f = failWith(
      a.status === 400 ? 'invalid_input' : a.status === 409 ? 'busy' : typeof code === 'number' ? code : 'bad_response',
      msg('team.err.hub', { detail: hubMessage }),
      extra,
    );
    if (typeof detail === 'object' && detail !== null && typeof (detail as { key?: unknown }).key === 'string') f.detail = detail as Failure['detail'];
    if (typeof a.body.field === 'string') f.field = a.body.field;
    return f;
  }

  async function call<T extends object>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
    placing = false,
    limitMs = timeoutMs,
  ): Promise<Result<T>> {
    const a = await send(method, path, body, headers, placing, limitMs);
    if ('ok' in a && a.ok === false) return a;
    const answer = a as Answer;
    if (answer.status >= 200 && answer.status < 300 && answer.body.ok === true) {
      const { ok: _ok, ...rest } = answer.body;
      return { ok: true, ...(rest as T) };
    }
    return refusal(answer);
  }

  const ifMatch = (revision: number) => ({ 'if-match': `"${revision}"` });
  const qs = (q: Record<string, string | number | boolean | undefined>) => {
    const parts = Object.entries(q).filter(([, v]) => v !== undefined);
    return parts.length === 0 ? '' : `?${parts.map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`).join('&')}`;
  };

  return {
    baseUrl,
    host,
    async health() {
      const r = await call<{ mode: HubMode }>('GET', '/healthz');
      return r;
    },
    async login(username, password) {
      const r = await call<{ token: string; expiresAt?: string; user: HubUser }>('POST', '/api/login', { username, password });
      // On the sign-in form a 401 means the name or the password, not an expired token.
      if (!r.ok && r.code === 'unauthorized' && r.detail?.key === 'team.err.expired')
        return failWith('unauthorized', msg('team.err.wrongPassword'), { httpStatus: 401 });
      if (r.ok && (typeof r.token !== 'string' || typeof r.user !== 'object')) return failWith('bad_response', msg('team.err.badResponse'));
      return r;
    },
    me: () => call('GET', '/api/me'),
    logout: () => call('POST', '/api/logout'),
    startCall: (req) => call('POST', '/api/calls', req, undefined, true),
    startConf: (req) => call('POST', '/api/conferences', req, undefined, true),
    calls: (q = {}) => call('GET', `/api/calls${qs(q)}`),
    directory: (kind) => call('GET', `/api/${DIRECTORY_PATHS[kind]}`),
    changes: (since, limit) => call('GET', `/api/directory/changes${qs({ since, limit })}`),
    create: (kind, body) => call('POST', `/api/${DIRECTORY_PATHS[kind]}`, body),
    update: (kind, id, revision, body) => call('PUT', `/api/${DIRECTORY_PATHS[kind]}/${encodeURIComponent(id)}`, body, ifMatch(revision)),
    remove: (kind, id, revision) => call('DELETE', `/api/${DIRECTORY_PATHS[kind]}/${encodeURIComponent(id)}`, undefined, ifMatch(revision)),
    async todayCounts() {
      const r = await call<TeamDayCounts>('GET', '/api/calls/today');
      if (!r.ok) return r;
      const { ok: _ok, ...counts } = r;
      return { ok: true, counts };
    },
    async users() {
      const r = await call<{ items: TeamUser[] }>('GET', '/api/users');
      return r.ok ? { ok: true, users: r.items.map(userOf) } : r;
    },
    async setUserPhone(username, phone) {
      const r = await call<{ user: TeamUser }>('PATCH', `/api/users/${encodeURIComponent(username)}`, { phone });
      return r.ok ? { ok: true, user: userOf(r.user) } : r;
    },
    restore: (kind, id, revision, body) => call('POST', `/api/${DIRECTORY_PATHS[kind]}/${encodeURIComponent(id)}/restore`, body, ifMatch(revision)),
    importDirectory: (upload) => call('POST', '/api/directory/import', upload, undefined, false, Math.max(timeoutMs, UPLOAD_TIMEOUT_MS)),
  };
}
