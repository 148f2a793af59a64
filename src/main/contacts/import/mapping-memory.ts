/**
 * Column mappings the dispatcher chose in the import dialog, remembered per header set: the same
 * export from the same tool next month is read the same way without asking again. A small JSON
 * file in the data folder (KeyValueStore); the most recent few are kept.
 */
import { COLUMN_ROLES, IMPORT_COLUMNS_MAX, type ColumnMapping } from '../../../shared/import-mapping';
import { CONTACT_LABEL_MAX } from '../../../shared/contact-limits';
import type { KeyValueStore } from '../../stores/kv-store';

/** Header sets remembered; the oldest is forgotten first. */
export const MAPPINGS_KEPT = 50;
const KEY = 'mappings';

interface Entry {
  headers: string;
  mapping: ColumnMapping[];
}

export interface MappingMemory {
  /** Every remembered mapping by header-set key (read-source.ts headerSetKey). */
  all(): Record<string, ColumnMapping[]>;
  remember(headerSet: string, mapping: readonly ColumnMapping[]): void;
}

const isMapping = (m: unknown): m is ColumnMapping =>
  typeof m === 'object' &&
  m !== null &&
  (COLUMN_ROLES as readonly unknown[]).includes((m as ColumnMapping).role) &&
  typeof (m as ColumnMapping).label === 'string' &&
  (m as ColumnMapping).label.length <= CONTACT_LABEL_MAX;

/** The file is ours, but a hand edit or a damaged write must not reach the reader: anything odd is dropped. */
function entries(store: KeyValueStore): Entry[] {
  const raw = store.get<unknown>(KEY);
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (e): e is Entry =>
      typeof e === 'object' &&
      e !== null &&
      typeof (e as Entry).headers === 'string' &&
      Array.isArray((e as Entry).mapping) &&
      (e as Entry).mapping.length <= IMPORT_COLUMNS_MAX &&
      (e as Entry).mapping.every(isMapping),
  );
}

export function createMappingMemory(store: KeyValueStore, kept = MAPPINGS_KEPT): MappingMemory {
  return {
    all: () => Object.fromEntries(entries(store).map((e) => [e.headers, e.mapping])),
    remember(headers, mapping) {
      const rest = entries(store).filter((e) => e.headers !== headers);
      const next = [...rest, { headers, mapping: mapping.map((m) => ({ role: m.role, label: m.label })) }].slice(-kept);
      store.set(KEY, next);
    },
  };
}
