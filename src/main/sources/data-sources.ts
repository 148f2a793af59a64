/**
 * The data the services work on, behind one set of interfaces, and the one place that picks their
 * implementation. Today every install keeps its data in local files (`local`); team mode will add
 * a hub-backed set here, chosen the same way, and nothing above these interfaces changes.
 */
import type { Logger } from '../log';
import type { StoreNotice } from '../stores/store-notice';
import type { CallLogSource, SessionsSource } from './call-log-source';
import type { ContactsSource } from './contacts-source';
import type { GroupsSource } from './groups-source';
import { createLocalSources } from './local/local-sources';
import type { RostersSource } from './rosters-source';

export interface DataSources {
  contacts: ContactsSource;
  groups: GroupsSource;
  rosters: RostersSource;
  callLog: CallLogSource;
  sessions: SessionsSource;
  /** Stops background work and releases what the sources hold; call once, last. */
  close(): void;
}

export interface SourcesOptions {
  log: Logger;
  now(): number;
  /** Told about damaged data found on opening or later (shown to the dispatcher). */
  onNotice(notice: StoreNotice): void;
  /** Call log entries kept. */
  callLogCap?: number;
}

/** Where the data lives: `local` files in the data folder (the only kind until team mode). */
export type SourcesKind = { kind: 'local'; dataDir: string };

export function openSources(where: SourcesKind, options: SourcesOptions): DataSources {
  switch (where.kind) {
    case 'local':
      return createLocalSources(where.dataDir, options);
  }
}
