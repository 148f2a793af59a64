/**
 * One request of a kind at a time: a second identical call or conference while the first is still
 * in flight (a double click, Enter held down) is answered `busy` without touching the network.
 * Nothing here retries: a start request that timed out may still have rung phones.
 */
import { msg } from '../../shared/i18n';
import { failWith, type Failure } from '../../shared/result';

export type InFlightGuard = <T>(key: string, send: () => Promise<T | Failure>) => Promise<T | Failure>;

export function createInFlightGuard(): InFlightGuard {
  const inFlight = new Set<string>();
  return async (key, send) => {
    if (inFlight.has(key)) return failWith('busy', msg('callRule.inFlight'));
    inFlight.add(key);
    try {
      return await send();
    } finally {
      inFlight.delete(key);
    }
  };
}

/** A conference's legs as in-flight key parts: a main number, with its extension when there is one. */
export const legKeys = (conf: { callees: readonly string[]; extensions?: readonly string[] }): string[] =>
  conf.callees.map((n, i) => (conf.extensions?.[i] ? `${n}#${conf.extensions[i]}` : n));
