/** How the rosters service reaches the saved conference rosters; the roster rules stay in the service. */
import type { Roster } from '../../shared/domain';
import type { Failure } from '../../shared/result';

export interface RostersSource {
  all(): Roster[];
  get(id: string): Roster | undefined;
  /** null when stored, a `storage` failure when not. */
  put(roster: Roster): Failure | null;
  /** Deletes one roster; null when done (also when it did not exist). */
  delete(id: string): Failure | null;
}
