/**
 * Groups and rosters in the data folder: small collections written through as they are, each write
 * durable when it returns, a failed write answered as a `storage` failure (and logged).
 */
import type { ContactGroup, Roster } from '../../../shared/domain';
import type { Logger } from '../../log';
import type { Collection } from '../../stores/collection-store';
import { tryWrite } from '../../stores/write-failure';
import type { GroupsSource } from '../groups-source';
import type { RostersSource } from '../rosters-source';

export function localGroups(collection: Collection<ContactGroup>, log: Logger): GroupsSource {
  return {
    all: () => collection.all(),
    get: (id) => collection.get(id),
    put: (groups, why) => tryWrite(log, `groups.${why}`, () => collection.putMany(groups)),
    delete: (id) => tryWrite(log, 'groups.delete', () => collection.delete(id)),
  };
}

export function localRosters(collection: Collection<Roster>, log: Logger): RostersSource {
  return {
    all: () => collection.all(),
    get: (id) => collection.get(id),
    put: (roster) => tryWrite(log, 'rosters.save', () => collection.put(roster)),
    delete: (id) => tryWrite(log, 'rosters.delete', () => collection.delete(id)),
  };
}
