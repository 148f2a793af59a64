/** How the groups service reaches the dispatch groups; the naming rules stay in the service. */
import type { ContactGroup } from '../../shared/domain';
import type { Failure } from '../../shared/result';

export interface GroupsSource {
  all(): ContactGroup[];
  get(id: string): ContactGroup | undefined;
  /** Stores the groups in one write; null when stored, a `storage` failure when not. */
  put(groups: readonly ContactGroup[], why: 'save' | 'import'): Failure | null;
  /** Deletes one group; null when done (also when it did not exist). */
  delete(id: string): Failure | null;
}
