/** Saved conference rosters ("点名 → 会议"): start the same conference again with one action. */
import { randomUUID } from 'node:crypto';
import type { PhoneNumber, Roster, RosterMember } from '../../shared/domain';
import { msg } from '../../shared/i18n';
import { success, type Result } from '../../shared/result';
import type { RostersSource } from '../sources/rosters-source';
import { invalidField } from './field-text';
import { checkRoster } from './roster-rules';

export interface Rosters {
  all(): Roster[];
  save(input: { id?: string; name: string; members: RosterMember[] }): Result<{ roster: Roster }>;
  delete(id: string): Result<{ deleted: boolean }>;
}

export interface RostersDeps {
  source: RostersSource;
  /** The dispatcher's own number (normalised), which a roster must not contain. */
  ownNumber(): PhoneNumber | undefined;
  contactExists(id: string): boolean;
  now(): number;
}

export function createRosters(deps: RostersDeps): Rosters {
  const { source } = deps;
  return {
    all: () => source.all(),

    save(input) {
      const existing = input.id === undefined ? undefined : source.get(input.id);
      if (input.id !== undefined && !existing) {
        return invalidField('id', msg('rosterRule.gone'));
      }
      const checked = checkRoster(input, { ownNumber: deps.ownNumber(), contactExists: deps.contactExists });
      if (!checked.ok) return checked;
      const now = deps.now();
      const roster: Roster = {
        id: existing?.id ?? randomUUID(),
        name: checked.name,
        members: checked.members,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      };
      return source.put(roster) ?? success({ roster });
    },

    delete(id) {
      if (source.get(id) === undefined) return success({ deleted: false });
      return source.delete(id) ?? success({ deleted: true });
    },
  };
}
