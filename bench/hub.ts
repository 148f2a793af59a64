/**
 * `npm run bench:hub`: the team hub under load, on PGlite and on a real PostgreSQL (a throw-away
 * cluster with durable settings: fsync and synchronous_commit on, as in production).
 *
 * Figures (each hub runs in its own process, started like `npm run hub`; the load comes from this
 * process over 127.0.0.1):
 * - bills: signed end-of-call bills POSTed to /yunxin/callback by 50 concurrent senders; accepted
 *   per second and latency percentiles; afterwards the hub is stopped and every bill that got a 200
 *   is looked up in the database ("lost" = answered 200 but not stored);
 * - calls: `POST /api/calls` through the hub vs the desk's own client calling the same simulator
 *   directly, interleaved pairs with the order flipped every pair; ratio of medians;
 * - SSE: 200 subscribers on /api/events; a directory change at a time; delivery latency from the
 *   request that caused it to each subscriber;
 * - memory: the hub process's RSS (from /proc) at rest, peak during the bill load, and with 200
 *   SSE clients.
 *
 * Every loop is bounded. Budgets (floors on a 2-core machine): PostgreSQL ≥ 1 000 bills/s with
 * p99 ≤ 50 ms, 0 bills lost, SSE p99 ≤ 100 ms. A miss is printed; the command still exits 0.
 * The machine's load average is printed and saved next to the figures: absolute numbers move with it.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openPglite } from '../src/hub/db/pglite';
import { openPostgres } from '../src/hub/db/postgres';
import type { Db } from '../src/hub/db/types';
import { SANDBOX_ACCOUNT, SANDBOX_CALLER_ACC } from '../src/simulator';
import { SseFrameParser } from '../src/shared/sse-frames';
import { createYunxinClient, signCallback } from '../src/yunxin';
import { startPgCluster, type PgCluster } from '../tests/support/pg-cluster';
import { median, percentile } from './stats';

type Engine = 'pglite' | 'postgres';

interface Figure {
  group: string;
  name: string;
  value: number;
  unit: string;
  /** Upper (max) or lower (min) bound; absent = reported only. */
  budget?: { max?: number; min?: number };
  pass: boolean | null;
  detail?: string;
}

function figure(group: string, name: string, value: number, unit: string, budget?: { max?: number; min?: number }, detail?: string): Figure {
  let pass: boolean | null = null;
  if (budget && Number.isFinite(value)) pass = (budget.max === undefined || value <= budget.max) && (budget.min === undefined || value >= budget.min);
  const rounded = Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100;
  return { group, name, value: rounded, unit, budget, pass, detail };
}

const ADMIN = { username: 'benchadmin', password: randomBytes(12).toString('base64url') };
const SENDERS = 50;
const BILLS = { pglite: { warmup: 200, measured: 2_000 }, postgres: { warmup: 300, measured: 5_000 } };
const CALL_PAIRS = 200;
const CALL_WARMUP = 20;
const SSE_SUBSCRIBERS = 200;
const SSE_EVENTS = 40;
const WAIT_LIMIT_MS = 60_000;

/** USER_HZ: 100 on every Linux this runs on. */
const CLOCK_TICKS = 100;
/** User + system CPU time of one process so far, in ms (NaN when it is gone). */
function processCpuMs(pid: number): number {
  try {
    // /proc/<pid>/stat fields 14 and 15 (after the command name in parentheses): utime, stime in ticks.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}

/** The parent process id of `pid` (0 when unknown). */
function parentOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return 0;
  }
}

/**
 * CPU used so far by a PostgreSQL server: the postmaster and every process it started (backends,
 * WAL writer, checkpointer…), in ms. Backends that exited meanwhile are not counted: the hub's pool
 * keeps its connections for the whole run.
 */
function serverCpuMs(postmaster: number): number {
  let total = processCpuMs(postmaster);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (parentOf(pid) === postmaster) total += processCpuMs(pid) || 0;
  }
  return total;
}

const only = (() => {
  const i = process.argv.indexOf('--only');
  return i >= 0 ? (process.argv[i + 1]?.split(',') as Engine[]) : (['pglite', 'postgres'] as Engine[]);
})();
const agent = new Agent({ keepAlive: true, maxSockets: SENDERS });

// --- a hub process -------------------------------------------------------------------------------

interface HubProcess {
  child: ChildProcess;
  url: string;
  simulatorUrl: string;
  rssMb(): number;
  /** User + system CPU time the hub process has used so far, in ms. */
  cpuMs(): number;
  stop(): Promise<void>;
}

async function startHub(env: Record<string, string>): Promise<HubProcess> {
  const child = fork(join(__dirname, 'hub-child.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      HUB_HOST: '127.0.0.1',
      HUB_PORT: '0',
      HUB_LOG_LEVEL: 'warn',
      HUB_ADMIN_USER: ADMIN.username,
      HUB_ADMIN_PASSWORD: ADMIN.password,
      // One address sends every request here; the default per-address limit would throttle the load.
      HUB_RATE_LIMIT_PER_MIN: '1000000',
      HUB_SANDBOX_RINGING_MS: '50',
      HUB_SANDBOX_ANSWERED_MS: '50',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const ready = await new Promise<{ url: string; simulatorUrl: string }>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`hub did not start within ${WAIT_LIMIT_MS} ms: ${stderr}`)), WAIT_LIMIT_MS);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /BENCH-READY (\{.*\})\n/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(JSON.parse(m[1]) as { url: string; simulatorUrl: string });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hub exited (${code}) before it was ready: ${stderr}`));
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    ...ready,
    rssMb() {
      try {
        const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        return m ? Number(m[1]) / 1024 : NaN;
      } catch {
        return NaN;
      }
    },
    cpuMs() {
      return processCpuMs(child.pid!);
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Samples a hub's RSS every 100 ms until stopped; returns the peak. */
function sampleRss(hub: HubProcess): { stop(): number } {
  let peak = hub.rssMb();
  const timer = setInterval(() => {
    const v = hub.rssMb();
    if (v > peak) peak = v;
  }, 100);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, hub.rssMb());
    },
  };
}

// --- HTTP ----------------------------------------------------------------------------------------

function post(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.setTimeout(30_000, () => req.destroy(new Error('request timed out')));
    req.on('error', reject);
    req.end(body);
  });
}

async function api<T>(base: string, method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as T };
}

async function login(base: string, username: string, password: string): Promise<string> {
  const r = await api<{ token: string }>(base, 'POST', '/api/login', undefined, { username, password });
  if (r.status !== 200) throw new Error(`login failed: ${r.status}`);
  return r.body.token;
}

// --- bills ---------------------------------------------------------------------------------------

function billBody(session: string): string {
  const bill = {
    session,
    caller: '13800138000',
    callee: '13900139000',
    initAccount: SANDBOX_CALLER_ACC,
    createtime: Date.now() - 60_000,
    starttime: Date.now() - 50_000,
    durationSec: 42,
    status: 'SUCCESS',
    legs: [
      { endpoint: '13800138000', hangCause: 'NORMAL_CLEARING', endTime: '2026-11-29 06:14:05' },
      { endpoint: '13900139000', hangCause: 'NORMAL_CLEARING', endTime: '2026-11-29 06:14:04' },
    ],
  };
  return JSON.stringify({ eventType: '10', callback: JSON.stringify(bill) });
}

interface BillRun {
  accepted: string[];
  refused: number;
  errors: number;
  latencies: number[];
  seconds: number;
}

/** `count` bills with distinct sessions, SENDERS at a time; each signed just before it is sent. */
async function sendBills(hubUrl: string, prefix: string, count: number): Promise<BillRun> {
  const url = `${hubUrl}/yunxin/callback`;
  const accepted: string[] = [];
  const latencies: number[] = [];
  let refused = 0;
  let errors = 0;
  let next = 0;
  const sender = async () => {
    while (next < count) {
      const session = `${prefix}-${next++}`;
      const body = billBody(session);
      const headers = signCallback(SANDBOX_ACCOUNT.appSecret, body, Date.now()) as unknown as Record<string, string>;
      const t0 = performance.now();
      try {
        const r = await post(url, headers, body);
        latencies.push(performance.now() - t0);
        if (r.status === 200) accepted.push(session);
        else refused++;
      } catch {
        errors++;
      }
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: SENDERS }, sender));
  return { accepted, refused, errors, latencies, seconds: (performance.now() - t0) / 1000 };
}

/** The postmaster's process id, from one backend's parent (0 when it cannot be told). */
async function postmasterOf(url: string): Promise<number> {
  const db = await openPostgres(url, { max: 1 });
  try {
    const r = await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    return parentOf(Number(r.rows[0]?.pid ?? 0));
  } finally {
    await db.close();
  }
}

async function countStored(db: Db, sessions: string[]): Promise<number> {
  let found = 0;
  for (let i = 0; i < sessions.length; i += 1000) {
    const chunk = sessions.slice(i, i + 1000);
    const r = await db.query<{ n: number | string }>('SELECT count(*) AS n FROM bills WHERE session = ANY($1::text[])', [chunk]);
    found += Number(r.rows[0]!.n);
  }
  return found;
}

// --- calls ---------------------------------------------------------------------------------------

async function benchCalls(hub: HubProcess): Promise<Figure[]> {
  const adminToken = await login(hub.url, ADMIN.username, ADMIN.password);
  const phone = '13800138999';
  const username = 'benchdispatcher';
  const password = randomBytes(12).toString('base64url');
  const created = await api(hub.url, 'POST', '/api/users', adminToken, { username, password, role: 'dispatcher', phone });
  if (created.status !== 201) throw new Error(`could not create the dispatcher: ${created.status}`);
  const token = await login(hub.url, username, password);
  const client = createYunxinClient({ appKey: SANDBOX_ACCOUNT.appKey, appSecret: SANDBOX_ACCOUNT.appSecret, baseUrl: hub.simulatorUrl });

  // Distinct callees: the hub refuses an identical request inside its double-submit window.
  let seq = 0;
  const callee = () => `139${String(10_000_000 + seq++).slice(-8)}`;
  const viaHub = async () => {
    const t0 = performance.now();
    const r = await api<{ ok: boolean; code?: string }>(hub.url, 'POST', '/api/calls', token, { callee: callee() });
    const t = performance.now() - t0;
    if (!r.body.ok) throw new Error(`hub call failed: ${r.status} ${r.body.code}`);
    return t;
  };
  const direct = async () => {
    const t0 = performance.now();
    const r = await client.startCall({ callerAcc: SANDBOX_CALLER_ACC, caller: phone, callee: callee(), maxDur: 600 });
    const t = performance.now() - t0;
    if (!r.ok) throw new Error(`direct call failed: ${r.code}`);
    return t;
  };
  for (let i = 0; i < CALL_WARMUP; i++) {
    await viaHub();
    await direct();
  }
  const hubTimes: number[] = [];
  const directTimes: number[] = [];
  for (let i = 0; i < CALL_PAIRS; i++) {
    if (i % 2 === 0) {
      hubTimes.push(await viaHub());
      directTimes.push(await direct());
    } else {
      directTimes.push(await direct());
      hubTimes.push(await viaHub());
    }
  }
  const ratio = median(hubTimes) / median(directTimes);
  return [
    figure(
      'calls',
      'POST /api/calls ÷ direct startCall (medians)',
      ratio,
      '×',
      undefined,
      `${CALL_PAIRS} interleaved pairs after ${CALL_WARMUP} warm-up pairs, order flipped every pair`,
    ),
    figure('calls', 'POST /api/calls median', median(hubTimes), 'ms'),
    figure('calls', 'direct client.startCall median', median(directTimes), 'ms'),
    figure('calls', 'POST /api/calls p99', percentile(hubTimes, 99), 'ms'),
  ];
}

// --- SSE -----------------------------------------------------------------------------------------

interface Subscriber {
  /** Arrival time (performance.now) of each directory event, in order. */
  arrivals: number[];
  close(): void;
}

function subscribe(hubUrl: string, token: string, onEvent: () => void): Promise<Subscriber> {
  return new Promise((resolve, reject) => {
    const arrivals: number[] = [];
    const req = request(`${hubUrl}/api/events`, { headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` } });
    req.on('error', reject);
    req.on('response', (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`SSE answered ${res.statusCode}`));
        res.resume();
        return;
      }
      const parser = new SseFrameParser();
      let ready = false;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        for (const frame of parser.push(chunk)) {
          if (!ready && frame.comments.includes('ready')) {
            ready = true;
            resolve({ arrivals, close: () => req.destroy() });
          } else if (frame.event === 'directory') {
            arrivals.push(performance.now());
            onEvent();
          }
        }
      });
    });
    req.end();
  });
}

async function benchSse(hub: HubProcess): Promise<{ figures: Figure[]; rssMb: number }> {
  const token = await login(hub.url, ADMIN.username, ADMIN.password);
  let wake: () => void = () => {};
  const subs: Subscriber[] = [];
  for (let i = 0; i < SSE_SUBSCRIBERS; i += 20) {
    subs.push(...(await Promise.all(Array.from({ length: Math.min(20, SSE_SUBSCRIBERS - i) }, () => subscribe(hub.url, token, () => wake())))));
  }
  const rssMb = hub.rssMb();
  const latencies: number[] = [];
  let missing = 0;
  try {
    for (let e = 0; e < SSE_EVENTS; e++) {
      const t0 = performance.now();
      const r = await api(hub.url, 'POST', '/api/groups', token, { name: `bench group ${e}` });
      if (r.status >= 300) throw new Error(`group create failed: ${r.status}`);
      // Wait (bounded, no sleeping) until every subscriber has this event.
      const deadline = Date.now() + WAIT_LIMIT_MS;
      while (subs.some((s) => s.arrivals.length <= e) && Date.now() < deadline) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 1_000);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      for (const s of subs) {
        if (s.arrivals.length > e) latencies.push(s.arrivals[e]! - t0);
        else missing++;
      }
    }
  } finally {
    for (const s of subs) s.close();
  }
  return {
    rssMb,
    figures: [
      figure(
        'sse',
        `delivery p99, ${SSE_SUBSCRIBERS} subscribers`,
        percentile(latencies, 99),
        'ms',
        { max: 100 },
        `${SSE_EVENTS} directory changes one at a time; from the POST that caused it to each subscriber; ${latencies.length} deliveries`,
      ),
      figure('sse', 'delivery p50', percentile(latencies, 50), 'ms'),
      figure('sse', 'deliveries missing', missing, 'events', { max: 0 }),
    ],
  };
}

// --- one engine ----------------------------------------------------------------------------------

async function benchEngine(engine: Engine, cluster: PgCluster | undefined): Promise<Figure[]> {
  const figures: Figure[] = [];
  const dataDir = engine === 'pglite' ? mkdtempSync(join(os.tmpdir(), 'bench-hub-pglite-')) : undefined;
  const databaseUrl = engine === 'postgres' ? await cluster!.createDatabase(`bench_${randomBytes(4).toString('hex')}`) : undefined;
  const hub = await startHub(
    engine === 'pglite' ? { HUB_DATA_DIR: dataDir! } : { DATABASE_URL: databaseUrl!, HUB_DATA_DIR: mkdtempSync(join(os.tmpdir(), 'bench-hub-pg-')) },
  );
  try {
    const rssIdle = hub.rssMb();
    const { warmup, measured } = BILLS[engine];
    const prefix = `bench-${engine}-${randomBytes(3).toString('hex')}`;
    const warm = await sendBills(hub.url, `${prefix}-warm`, warmup);
    const rss = sampleRss(hub);
    const postmaster = databaseUrl ? await postmasterOf(databaseUrl) : 0;
    const cpu0 = hub.cpuMs();
    const server0 = postmaster ? serverCpuMs(postmaster) : NaN;
    const self0 = process.cpuUsage();
    const run = await sendBills(hub.url, prefix, measured);
    const answered = Math.max(1, run.accepted.length + run.refused);
    const cpuPerBill = (hub.cpuMs() - cpu0) / answered;
    const serverPerBill = (serverCpuMs(postmaster) - server0) / answered;
    const self = process.cpuUsage(self0);
    const senderPerBill = (self.user + self.system) / 1000 / answered;
    const rssPeak = rss.stop();

    let sse: { figures: Figure[]; rssMb: number } | undefined;
    if (engine === 'postgres') {
      figures.push(...(await benchCalls(hub)));
      sse = await benchSse(hub);
    }
    await hub.stop();

    // Every 200 must be a stored row: read the database after the hub has stopped.
    const db = engine === 'pglite' ? await openPglite({ dataDir }) : await openPostgres(databaseUrl!);
    const acceptedAll = [...warm.accepted, ...run.accepted];
    let stored: number;
    try {
      stored = await countStored(db, acceptedAll);
    } finally {
      await db.close();
    }
    const rate = run.accepted.length / run.seconds;
    const floor = engine === 'postgres' ? { min: 1_000 } : undefined;
    const p99Budget = engine === 'postgres' ? { max: 50 } : undefined;
    figures.unshift(
      figure(
        `bills ${engine}`,
        `accepted per second, ${SENDERS} senders`,
        rate,
        'bills/s',
        floor,
        `${run.accepted.length} of ${measured} accepted in ${run.seconds.toFixed(2)} s after ${warmup} warm-up; refused ${run.refused}, failed ${run.errors}`,
      ),
      figure(`bills ${engine}`, 'latency p50', percentile(run.latencies, 50), 'ms'),
      figure(`bills ${engine}`, 'latency p99', percentile(run.latencies, 99), 'ms', p99Budget),
      figure(
        `bills ${engine}`,
        'lost (200 but not stored)',
        acceptedAll.length - stored,
        'bills',
        { max: 0 },
        `${stored} of ${acceptedAll.length} accepted bills found after the hub stopped`,
      ),
      figure(
        `bills ${engine}`,
        'hub process CPU per bill',
        cpuPerBill,
        'ms',
        undefined,
        'user+system time of the hub process over the measured bills (independent of how busy the machine is; the database server not included)',
      ),
      ...(engine === 'postgres'
        ? [
            figure(
              `bills ${engine}`,
              'PostgreSQL server CPU per bill',
              serverPerBill,
              'ms',
              undefined,
              'user+system time of the postmaster and its processes (backends, WAL writer…) over the measured bills',
            ),
          ]
        : []),
      figure(
        `bills ${engine}`,
        'load generator CPU per bill',
        senderPerBill,
        'ms',
        undefined,
        'this benchmark process signing, sending and reading the bills: it shares the 2 cores with the hub and the database',
      ),
      figure(`bills ${engine}`, 'refused or failed', run.refused + run.errors + warm.refused + warm.errors, 'bills'),
      figure(`memory ${engine}`, 'hub RSS at rest', rssIdle, 'MB'),
      figure(`memory ${engine}`, 'hub RSS peak during the bill load', rssPeak, 'MB'),
    );
    if (sse) {
      figures.push(...sse.figures, figure(`memory ${engine}`, `hub RSS with ${SSE_SUBSCRIBERS} SSE clients`, sse.rssMb, 'MB'));
    }
  } finally {
    await hub.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
  return figures;
}

// --- report --------------------------------------------------------------------------------------

function table(figures: Figure[]): string {
  const budgetText = (f: Figure) => (!f.budget ? 'report' : f.budget.min !== undefined ? `≥ ${f.budget.min} ${f.unit}` : `≤ ${f.budget.max} ${f.unit}`);
  const rows = figures.map((f) => [
    f.group,
    f.name,
    Number.isFinite(f.value) ? `${f.value} ${f.unit}` : 'n/a',
    budgetText(f),
    f.pass === true ? 'pass' : f.pass === false ? 'MISS' : 'info',
  ]);
  const head = ['group', 'figure', 'value', 'budget', 'status'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r
      .map((x, i) => x.padEnd(widths[i]!))
      .join(' | ')
      .trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  const loadBefore = os.loadavg();
  console.log(`bench:hub on ${os.cpus().length} cores, load average ${loadBefore.map((x) => x.toFixed(2)).join(' ')} (1/5/15 min)`);
  const figures: Figure[] = [];
  const cluster = await startPgCluster({ database: 'bench_admin', durable: process.env.BENCH_HUB_PG_FSYNC !== 'off' });
  try {
    for (const engine of only) {
      console.log(`… ${engine}`);
      try {
        figures.push(...(await benchEngine(engine, cluster)));
      } catch (err) {
        figures.push({
          group: `bills ${engine}`,
          name: 'run',
          value: NaN,
          unit: '',
          pass: false,
          detail: `FAILED: ${err instanceof Error ? err.message : String(err)}`,
        });
      }
    }
  } finally {
    await cluster.stop();
    agent.destroy();
  }
  const loadAfter = os.loadavg();
  console.log('');
  console.log(table(figures));
  const details = figures.filter((f) => f.detail).map((f) => `  ${f.group} / ${f.name}: ${f.detail}`);
  if (details.length) console.log(`\n${details.join('\n')}`);
  console.log(
    `\nload average before ${loadBefore.map((x) => x.toFixed(2)).join(' ')}, after ${loadAfter.map((x) => x.toFixed(2)).join(' ')} (2 cores shared with other work: absolute figures move with it)`,
  );
  const misses = figures.filter((f) => f.pass === false);
  console.log(misses.length ? `MISSED: ${misses.map((f) => `${f.group} / ${f.name}`).join('; ')}` : 'every budget met');
  const out = { when: new Date().toISOString(), node: process.version, cpus: os.cpus().length, loadBefore, loadAfter, figures };
  writeFileSync(join(__dirname, 'hub-results.json'), `${JSON.stringify(out, null, 2)}\n`);
  console.log('written to bench/hub-results.json');
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
