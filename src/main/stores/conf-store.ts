import path from 'node:path';
import Conf from 'conf';
import type { KeyValueStore } from './kv-store';
import { refuseSymlink } from './no-follow';
import { quarantineUnreadableJson } from './quarantine';
import type { StoreNotice } from './store-notice';

export interface ConfStoreOptions {
  /** Absolute: a relative one would resolve against the process cwd, which differs between dev and packaged runs. */
  cwd: string;
  /** File name without extension; the file is `<cwd>/<name>.json`. */
  name: string;
  /** Defaults to owner-only (0o600): the vault's ciphertext and settings are nobody else's business. */
  fileMode?: number;
}

export interface OpenedStore {
  store: KeyValueStore;
  notices: StoreNotice[];
}

/** The options both Conf-based factories pass, so the two files behave the same. */
export function confOptions(fileMode: number | undefined) {
  return {
    configFileMode: fileMode ?? 0o600,
    // Keys are opaque names: `a.b` must not silently become nesting.
    accessPropertiesByDotNotation: false,
    // We quarantine unreadable files ourselves; Conf would silently discard them.
    clearInvalidConfig: false,
    watch: false,
  } as const;
}

/** Adapts a Conf instance (electron-store is one) to the narrow interface callers depend on. */
export function asKeyValueStore(conf: Conf<Record<string, unknown>>): KeyValueStore {
  return {
    get: <T>(key: string) => conf.get(key) as T | undefined,
    set: (key, value) => conf.set(key, value),
    delete: (key) => conf.delete(key),
    get path() {
      return conf.path;
    },
  };
}

/**
 * A small JSON key-value file (settings, vault). Conf re-reads and re-writes the whole file on
 * every call, so this is for a few kilobytes — large data belongs in collection-store.
 */
export function openConfStore(options: ConfStoreOptions): OpenedStore {
  if (!path.isAbsolute(options.cwd)) throw new Error(`openConfStore: cwd must be absolute, got "${options.cwd}"`);
  const file = path.join(options.cwd, `${options.name}.json`);
  // Conf follows links: a planted one would make it read and write a file elsewhere.
  refuseSymlink(file);
  const notice = quarantineUnreadableJson(file);
  const conf = new Conf<Record<string, unknown>>({
    cwd: options.cwd,
    configName: options.name,
    ...confOptions(options.fileMode),
  });
  return { store: asKeyValueStore(conf), notices: notice ? [notice] : [] };
}
