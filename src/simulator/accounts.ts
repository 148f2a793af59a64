import type { SimulatorAccount } from './types';

export interface KnownAccount {
  appKey: string;
  appSecret: string;
  /** Lower-cased: the real server lower-cases accids, so 'Dispatcher' and 'dispatcher' are one user. */
  accids: Set<string>;
}

/** The apps the simulator knows, keyed by AppKey. */
export class AccountBook {
  private readonly byAppKey = new Map<string, KnownAccount>();

  constructor(private readonly initial: readonly SimulatorAccount[]) {
    this.restore();
  }

  add(account: SimulatorAccount): void {
    const existing = this.byAppKey.get(account.appKey);
    const accids = existing?.accids ?? new Set<string>();
    for (const accid of account.accids) accids.add(accid.toLowerCase());
    this.byAppKey.set(account.appKey, { appKey: account.appKey, appSecret: account.appSecret, accids });
  }

  find(appKey: string): KnownAccount | undefined {
    return this.byAppKey.get(appKey);
  }

  /** Back to the accounts given at start, dropping any added since. */
  restore(): void {
    this.byAppKey.clear();
    for (const account of this.initial) this.add(account);
  }
}

export function hasAccid(account: KnownAccount, accid: string): boolean {
  return account.accids.has(accid.toLowerCase());
}
