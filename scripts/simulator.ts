/**
 * The ECP simulator on its own, for poking at it with curl or pointing a dev build at it:
 *   PORT=8733 CALLBACK_URL=http://127.0.0.1:9000/cb npx tsx scripts/simulator.ts
 * PORT defaults to a free port; RINGING_MS / ANSWERED_MS shape how sessions unfold.
 */
import { DEFAULT_PROGRESS, PATHS, SANDBOX_ACCOUNT, SANDBOX_CALLER_ACC, startSimulator } from '../src/simulator';

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got '${raw}'`);
  return value;
}

async function main(): Promise<void> {
  const sim = await startSimulator({
    accounts: [SANDBOX_ACCOUNT],
    port: envInt('PORT', 0),
    progress: {
      ringingMs: envInt('RINGING_MS', DEFAULT_PROGRESS.ringingMs),
      answeredMs: envInt('ANSWERED_MS', DEFAULT_PROGRESS.answeredMs),
    },
    callbackUrl: process.env.CALLBACK_URL || undefined,
  });
  console.log(`Yunxin ECP simulator listening on ${sim.url}`);
  console.log(`  AppKey    ${SANDBOX_ACCOUNT.appKey}`);
  console.log(`  AppSecret ${SANDBOX_ACCOUNT.appSecret}   (sandbox only)`);
  console.log(`  callerAcc ${SANDBOX_CALLER_ACC}`);
  console.log(`  paths     ${Object.values(PATHS).join(' ')}`);
  if (process.env.CALLBACK_URL) console.log(`  bills to  ${process.env.CALLBACK_URL}`);

  const stop = (): void => {
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
