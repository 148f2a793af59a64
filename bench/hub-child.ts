/**
 * One hub process for `npm run bench:hub`: the same start as `npm run hub` (config from the
 * environment, sandbox simulator posting bills to the hub), in its own process so the load
 * generator does not share its event loop. Prints one line `BENCH-READY {json}` with the hub's and
 * the simulator's URLs; stops on SIGTERM or when its parent disconnects.
 */
import { runHub } from '../src/hub/cli';

runHub(process.env, () => {}).then(
  (running) => {
    process.stdout.write(`BENCH-READY ${JSON.stringify({ url: running.url, simulatorUrl: running.simulator?.url ?? null })}\n`);
    const stop = () => {
      void running.stop().then(() => process.exit(0));
    };
    process.once('SIGTERM', stop);
    // Started with an IPC channel: when the benchmark process goes away, so does this hub.
    process.once('disconnect', stop);
  },
  (err: unknown) => {
    console.error(`bench hub failed to start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
