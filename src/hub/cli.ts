/**
 * `npm run hub`: the team hub with zero configuration (PGlite in ./hub-data, sandbox mode with
 * the in-process ECP simulator posting its bills to this hub's own callback), or production
 * with DATABASE_URL and YUNXIN_* set. See README "Team hub" for every variable.
 */
import { DEFAULT_PROGRESS, SANDBOX_ACCOUNT, startSimulator, type Simulator } from '../simulator';
import { createHub, type Hub } from './app';
import { readConfig } from './config';
import { CALLBACK_PATH } from './routes/callback';

export interface RunningHub {
  hub: Hub;
  url: string;
  simulator?: Simulator;
  stop(): Promise<void>;
}

function envInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer`);
  return n;
}

export async function runHub(env: NodeJS.ProcessEnv = process.env, print: (line: string) => void = console.log): Promise<RunningHub> {
  const config = readConfig(env);
  const hub = await createHub({ config });
  let simulator: Simulator | undefined;
  try {
    const url = await hub.listen();
    if (config.mode === 'sandbox') {
      // The simulator only listens on loopback; it reaches the hub there unless the hub bound one address elsewhere.
      const port = new URL(url).port;
      const host = ['0.0.0.0', '::', '127.0.0.1', 'localhost'].includes(config.host) ? '127.0.0.1' : config.host;
      simulator = await startSimulator({
        accounts: [SANDBOX_ACCOUNT],
        callbackUrl: `http://${host}:${port}${CALLBACK_PATH}`,
        progress: {
          ringingMs: envInt(env, 'HUB_SANDBOX_RINGING_MS', DEFAULT_PROGRESS.ringingMs),
          answeredMs: envInt(env, 'HUB_SANDBOX_ANSWERED_MS', DEFAULT_PROGRESS.answeredMs),
        },
      });
      hub.yunxin.setSandboxBaseUrl(simulator.url);
    }
    if (hub.firstAdmin) {
      const { username, password, generated } = hub.firstAdmin;
      print(
        generated
          ? `first admin created: user "${username}", one-time password ${password} (shown once; change it after signing in)`
          : `first admin created: user "${username}" (password from HUB_ADMIN_PASSWORD)`,
      );
    }
    print(`mode ${config.mode}, database ${hub.db.kind}${hub.db.kind === 'pglite' ? ` in ${config.dataDir}` : ''}`);
    if (config.publicUrl) print(`give Yunxin sales this callback URL: ${config.publicUrl}${CALLBACK_PATH}`);
    print(`hub listening on ${url}`);
    const stop = async () => {
      await simulator?.close();
      await hub.close();
    };
    return { hub, url, simulator, stop };
  } catch (err) {
    await simulator?.close();
    await hub.close();
    throw err;
  }
}

if (require.main === module) {
  runHub().then(
    (running) => {
      const stop = () => {
        void running.stop().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (err: unknown) => {
      console.error(`hub failed to start: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
