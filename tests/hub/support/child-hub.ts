/** `npm run hub` as a real child process (for kill tests): started, awaited until listening, killed. */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export interface ChildHub {
  url: string;
  child: ChildProcess;
  output: string[];
  exited: Promise<number | null>;
}

const ROOT = resolve(__dirname, '../../..');

export function startChildHub(env: NodeJS.ProcessEnv, timeoutMs = 90_000): Promise<ChildHub> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/hub/cli.ts'], {
    cwd: ROOT,
    env: { ...process.env, HUB_HOST: '127.0.0.1', HUB_PORT: '0', HUB_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`hub did not start:\n${output.join('')}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output.push(text);
      const m = /hub listening on (http:\/\/\S+)/.exec(output.join(''));
      if (m) {
        clearTimeout(timer);
        ok({ url: m[1], child, output, exited });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => output.push(c.toString('utf8')));
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`hub exited (${code}) before listening:\n${output.join('')}`));
    });
  });
}
