/** A fake `window.dispatch` for store tests: every operation a vi.fn answering a Result. */
import { vi, type Mock } from 'vitest';
import type { DispatchApi, OperationName } from '../../../src/shared/contract';
import { OPERATION_NAMES } from '../../../src/shared/contract';

export type FakeDispatch = { [K in OperationName]: Mock<DispatchApi[K]> };

export function installFakeDispatch(): FakeDispatch {
  const fake = {} as Record<string, Mock>;
  for (const name of OPERATION_NAMES) {
    fake[name] = vi.fn(async () => ({ ok: false, code: 'internal', message: `${name} not faked` }));
  }
  (globalThis as { window?: unknown }).window = { dispatch: fake };
  return fake as unknown as FakeDispatch;
}

/** A promise whose resolution the test controls. */
export function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
