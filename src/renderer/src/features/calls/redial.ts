/** Redial is always explicit: a call is placed again at once, a conference goes through the confirmation sheet. */
import type { CallParty, SessionType } from '../../../../shared/domain';
import type { UiMessage } from '../../lib/ui-message';
import { useCallsStore } from '../../state/calls-store';
import { useRosterStore } from '../../state/roster-store';

export function redial(kind: SessionType, parties: readonly CallParty[], origin?: UiMessage): void {
  if (parties.length === 0) return;
  if (kind === 'call') {
    const p = parties[0];
    void useCallsStore.getState().startCall({ number: p.number, name: p.name, extension: p.extension }, { explicit: true });
    return;
  }
  useRosterStore.getState().openConfirm({
    members: parties.map((p) => ({ name: p.name ?? '', number: p.number, ...(p.extension ? { extension: p.extension } : {}) })),
    origin: origin ?? { key: 'confirm.fromRedial' },
  });
}
