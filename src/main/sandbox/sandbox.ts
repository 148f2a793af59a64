/**
 * Sandbox mode: the app talks to the ECP simulator running in-process on 127.0.0.1, with demo
 * credentials made up at start-up. Nothing leaves the machine and no phone rings, yet every
 * request is signed and checked exactly as the real server would.
 */
import { randomBytes } from 'node:crypto';
import { startSimulator, type Simulator } from '../../simulator';

export interface SandboxCredentials {
  appKey: string;
  appSecret: string;
  baseUrl: string;
}

export interface Sandbox {
  /** Starts the simulator on first use and makes sure it knows `callerAcc`. */
  ensure(callerAcc: string): Promise<SandboxCredentials>;
  /** The running simulator, if started: tests read its request log to check every signature. */
  simulator(): Promise<Simulator> | null;
  close(): Promise<void>;
}

export const SANDBOX_APP_KEY = 'sandbox0demo0appkey';

export interface SandboxOptions {
  progress?: { ringingMs: number; answeredMs: number };
  /** The simulator's clock; tests step sessions through their life with it. */
  now?: () => number;
  /**
   * Requests the simulator keeps for a test to read (a ring of the newest). The app keeps none:
   * the simulator runs inside main, and anything on the machine can send it requests.
   */
  recordRequests?: number;
}

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const appSecret = randomBytes(16).toString('hex');
  let starting: Promise<Simulator> | null = null;

  const startOnce = () =>
    (starting ??= startSimulator({
      accounts: [{ appKey: SANDBOX_APP_KEY, appSecret, accids: [] }],
      progress: options.progress,
      now: options.now,
      record: options.recordRequests ?? 0,
    }));

  return {
    async ensure(callerAcc) {
      const sim = await startOnce();
      // Any accid the dispatcher configured is "registered" in the sandbox: it is a place to try
      // the app, not to test an account (Settings → Test connection does that in production).
      sim.addAccount({ appKey: SANDBOX_APP_KEY, appSecret, accids: [callerAcc] });
      return { appKey: SANDBOX_APP_KEY, appSecret, baseUrl: sim.url };
    },
    simulator: () => starting,
    async close() {
      if (starting) await (await starting).close();
      starting = null;
    },
  };
}
