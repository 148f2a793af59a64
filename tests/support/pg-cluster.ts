/**
 * A throw-away PostgreSQL cluster for tests and benchmarks: initdb into a temporary folder, start it
 * with pg_ctl on a free port that listens on 127.0.0.1 only (unix socket inside the same folder),
 * create a database, hand back its URL. `stop()` stops the server and deletes the folder.
 *
 * Never a mock: the hub's PostgreSQL half runs against the real server binaries. When they are
 * missing, `startPgCluster` throws `PgBinariesMissingError`, whose message says what to install; the
 * callers let it fail the run instead of skipping the PostgreSQL half.
 *
 * initdb refuses to run as root, so as root every server command runs as the `postgres` user
 * (`runuser -u postgres --`) in a folder owned by it; as a normal user they run directly.
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export interface PgCluster {
  /** postgres://… URL of the database created at start (superuser `postgres`, random password). */
  readonly url: string;
  /** URL of another database on the same server (created by `createDatabase`). */
  urlFor(database: string): string;
  /** CREATE DATABASE name; resolves with its URL. Names: [a-z_][a-z0-9_]*. */
  createDatabase(name: string): Promise<string>;
  readonly port: number;
  readonly binDir: string;
  /** pg_ctl stop -m fast, then remove the folder. Safe to call twice. */
  stop(): Promise<void>;
}

export interface PgClusterOptions {
  /** Name of the database created at start (default `hub_test`). */
  database?: string;
  /**
   * Durable settings (fsync, synchronous_commit on: the server's defaults) for benchmarks. Tests
   * default to fsync off: they never crash the server itself, only hub processes, and a committed
   * row survives a client's death either way.
   */
  durable?: boolean;
  /** Extra `-c name=value` server settings. */
  settings?: Record<string, string>;
}

export class PgBinariesMissingError extends Error {
  constructor(looked: string[]) {
    super(
      'PostgreSQL server binaries (initdb, pg_ctl) not found; the hub tests run against a real PostgreSQL ' +
        'and do not skip it. Install them: Debian/Ubuntu `sudo apt-get install -y postgresql`, macOS ' +
        '`brew install postgresql@15`, or set PG_BINDIR to the folder holding initdb. Looked in: ' +
        (looked.length > 0 ? looked.join(', ') : '(nothing)'),
    );
    this.name = 'PgBinariesMissingError';
  }
}

const NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export interface FindPgBinDirOptions {
  env?: NodeJS.ProcessEnv;
  /** Where Debian keeps one `<major>/bin` per installed version. */
  debianRoot?: string;
  /** Other folders to try before PATH. */
  extraDirs?: string[];
  /** Whether to ask `pg_config --bindir`. */
  usePgConfig?: boolean;
}

/** The folder holding initdb and pg_ctl, or throws PgBinariesMissingError. */
export function findPgBinDir(options: FindPgBinDirOptions = {}): string {
  const env = options.env ?? process.env;
  const candidates: string[] = [];
  if (env.PG_BINDIR) candidates.push(env.PG_BINDIR);
  if (options.usePgConfig ?? true) {
    try {
      const out = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], env });
      candidates.push(out.trim());
    } catch {
      // No pg_config on PATH: look in the usual places below.
    }
  }
  // Debian/Ubuntu keep the server binaries out of PATH, one folder per major version: newest first.
  const debian = options.debianRoot ?? '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => /^\d+(\.\d+)?$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) candidates.push(join(debian, v, 'bin'));
  }
  candidates.push(...(options.extraDirs ?? ['/usr/local/pgsql/bin', '/opt/homebrew/bin', '/usr/local/bin']));
  for (const dir of (env.PATH ?? '').split(delimiter)) if (dir) candidates.push(dir);
  const seen = new Set<string>();
  for (const dir of candidates) {
    if (seen.has(dir)) continue;
    seen.add(dir);
    if (existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  throw new PgBinariesMissingError([...seen]);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function postgresUser(): { uid: number; gid: number } {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    throw new Error(
      'running as root, but there is no `postgres` user to run initdb as (initdb refuses root). ' +
        "Install Debian's `postgresql` package (it creates the user) or run the tests as a normal user.",
    );
  }
}

export async function startPgCluster(options: PgClusterOptions = {}): Promise<PgCluster> {
  const database = options.database ?? 'hub_test';
  if (!NAME.test(database)) throw new Error(`invalid database name: ${database}`);
  const binDir = findPgBinDir();
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? postgresUser() : undefined;

  const dir = mkdtempSync(join(tmpdir(), 'dispatch-pg-'));
  const dataDir = join(dir, 'data');
  const logFile = join(dir, 'server.log');
  const pwFile = join(dir, 'pw');
  // A password even on loopback: the machine is shared, and `trust` would let any local user in.
  const password = randomBytes(18).toString('base64url');
  writeFileSync(pwFile, password + '\n', { mode: 0o600 });
  if (owner) {
    chownSync(dir, owner.uid, owner.gid);
    chownSync(pwFile, owner.uid, owner.gid);
  }
  chmodSync(dir, 0o700);

  const cmd = (tool: string, args: string[]) =>
    owner ? run('runuser', ['-u', 'postgres', '--', join(binDir, tool), ...args], { cwd: dir }) : run(join(binDir, tool), args, { cwd: dir });

  let started = false;
  let stopped = false;
  const removeFolder = () => rmSync(dir, { recursive: true, force: true });
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    stopWatchdog();
    try {
      if (started) {
        const args = ['stop', '-D', dataDir, '-m', 'immediate', '-w'];
        if (owner) execFileSync('runuser', ['-u', 'postgres', '--', join(binDir, 'pg_ctl'), ...args], { stdio: 'ignore' });
        else execFileSync(join(binDir, 'pg_ctl'), args, { stdio: 'ignore' });
      }
    } catch {
      // Best effort on exit: the server may already be gone.
    }
    removeFolder();
  };
  // If the caller never reaches stop() (a crash, Ctrl-C), do not leave a server running.
  process.once('exit', stopSync);
  // A SIGTERM/SIGKILL (a `timeout` around the test run) skips 'exit': a detached watchdog stops the
  // server and removes the folder once this process is gone.
  const pgCtl = join(binDir, 'pg_ctl');
  const watchdog = spawn(
    'sh',
    [
      '-c',
      'while kill -0 "$1" 2>/dev/null; do sleep 1; done; ' +
        'if [ -n "$4" ]; then runuser -u postgres -- "$2" stop -D "$3/data" -m immediate; else "$2" stop -D "$3/data" -m immediate; fi; ' +
        'rm -rf "$3"',
      'pg-cluster-watchdog',
      String(process.pid),
      pgCtl,
      dir,
      owner ? 'root' : '',
    ],
    { detached: true, stdio: 'ignore' },
  );
  watchdog.unref();
  const stopWatchdog = () => {
    if (watchdog.exitCode === null && watchdog.pid) {
      try {
        process.kill(watchdog.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
  };

  try {
    await cmd('initdb', ['-D', dataDir, '-U', 'postgres', '--pwfile', pwFile, '-A', 'scram-sha-256', '-E', 'UTF8', '--locale', 'C', '--no-sync']);
    const settings: Record<string, string> = {
      listen_addresses: '127.0.0.1',
      unix_socket_directories: dir,
      max_connections: '300',
      ...(options.durable ? {} : { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' }),
      ...options.settings,
    };
    let port = 0;
    let lastError: unknown;
    // The free port can be taken between probing and binding: try a few.
    for (let attempt = 0; attempt < 3 && !started; attempt++) {
      port = await freePort();
      const serverArgs = [`-p ${port}`, ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`)].join(' ');
      try {
        await cmd('pg_ctl', ['start', '-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', serverArgs]);
        started = true;
      } catch (err) {
        lastError = err;
      }
    }
    if (!started) throw new Error(`pg_ctl start failed: ${errorText(lastError)}; server log: ${logTail(logFile)}`);

    const base = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}`;
    const urlFor = (name: string) => `${base}/${name}`;
    const createDatabase = async (name: string): Promise<string> => {
      if (!NAME.test(name)) throw new Error(`invalid database name: ${name}`);
      // Not a parameter position in SQL (an identifier): the name is checked against NAME above.
      await runSql(urlFor('postgres'), `CREATE DATABASE ${name}`);
      return urlFor(name);
    };
    await createDatabase(database);

    return {
      url: urlFor(database),
      urlFor,
      createDatabase,
      port,
      binDir,
      async stop() {
        if (stopped) return;
        stopped = true;
        process.removeListener('exit', stopSync);
        stopWatchdog();
        try {
          await cmd('pg_ctl', ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '60']);
        } finally {
          removeFolder();
        }
      },
    };
  } catch (err) {
    process.removeListener('exit', stopSync);
    stopSync();
    throw err;
  }
}

/** One statement over a short-lived connection (pg is a dependency of the hub anyway). */
async function runSql(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function errorText(err: unknown): string {
  if (err && typeof err === 'object' && 'stderr' in err) return String((err as { stderr: unknown }).stderr).trim();
  return err instanceof Error ? err.message : String(err);
}

function logTail(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-5).join(' | ');
  } catch {
    return '(no log)';
  }
}
