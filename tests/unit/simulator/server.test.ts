import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { describe, expect, it, vi } from 'vitest';
import { startSimulator, PATHS, SANDBOX_ACCOUNT, SANDBOX_CALLER_ACC, type SimulatorOptions } from '../../../src/simulator';
import { APP, callForm, postJson, signed } from './helpers';

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 1000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

describe('binding', () => {
  it.each(['0.0.0.0', '::', 'localhost', '192.168.1.10'])('refuses host %j', async (host) => {
    await expect(startSimulator({ accounts: [APP], host } as unknown as SimulatorOptions)).rejects.toThrow(/127\.0\.0\.1/);
  });

  it('listens on 127.0.0.1 and nowhere else', async () => {
    const sim = await startSimulator({ accounts: [APP] });
    try {
      expect(sim.url).toBe(`http://127.0.0.1:${sim.port}`);
      expect(await canConnect('127.0.0.1', sim.port)).toBe(true);
      const external = Object.values(networkInterfaces())
        .flat()
        .filter((i) => i && i.family === 'IPv4' && !i.internal)
        .map((i) => i!.address);
      for (const address of external) expect(await canConnect(address, sim.port)).toBe(false);
      expect(await canConnect('::1', sim.port)).toBe(false);
    } finally {
      await sim.close();
    }
  });

  it('uses the requested port', async () => {
    const probe = await startSimulator({ accounts: [APP] });
    const port = probe.port;
    await probe.close();
    const sim = await startSimulator({ accounts: [APP], port });
    expect(sim.port).toBe(port);
    await sim.close();
  });
});

describe('close()', () => {
  it('ends hanging requests instead of waiting for them', async () => {
    const sim = await startSimulator({ accounts: [APP] });
    sim.faults.set({ kind: 'hang' });
    const pending = fetch(sim.url + PATHS.startCall, { method: 'POST', headers: signed(), body: new URLSearchParams(callForm()).toString() });
    pending.catch(() => undefined);
    // Close only once the server holds the request; a hanging answer would otherwise keep
    // close() (and this test) waiting forever.
    await vi.waitFor(() => expect(sim.requests).toHaveLength(1), { timeout: 10_000 });
    await sim.close();
    await expect(pending).rejects.toThrow();
    expect(await canConnect('127.0.0.1', sim.port)).toBe(false);
  });

  it('ends a trickling answer', async () => {
    const sim = await startSimulator({ accounts: [APP] });
    sim.faults.set({ kind: 'trickle', intervalMs: 10_000 });
    const res = await fetch(sim.url + PATHS.startCall, { method: 'POST', headers: signed(), body: new URLSearchParams(callForm()).toString() });
    const body = res.text();
    await sim.close();
    await expect(body).rejects.toThrow();
  });
});

describe('sandbox account', () => {
  it('is a working account for the simulator', async () => {
    const sim = await startSimulator({ accounts: [SANDBOX_ACCOUNT] });
    try {
      const answer = await postJson(sim, PATHS.startCall, callForm({ callerAcc: SANDBOX_CALLER_ACC }), { account: SANDBOX_ACCOUNT });
      expect(answer.code).toBe(200);
    } finally {
      await sim.close();
    }
  });
});
