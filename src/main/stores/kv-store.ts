/**
 * The subset of Conf's API the app uses, so callers (vault, settings) can be handed a Conf file,
 * an electron-store file or an in-memory map in tests without knowing which.
 */
export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
  delete(key: string): void;
  /** The file behind the store (for messages and for tests that inspect the raw bytes). */
  readonly path: string;
}

/** A store that keeps nothing across runs: for a core built without a desktop.json (tests, benches). */
export function createMemoryKeyValueStore(): KeyValueStore {
  const values = new Map<string, unknown>();
  return {
    get: <T>(key: string) => values.get(key) as T | undefined,
    set: (key, value) => void values.set(key, value),
    delete: (key) => void values.delete(key),
    path: ':memory:',
  };
}
