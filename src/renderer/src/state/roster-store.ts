/**
 * The conference builder: the roster being assembled, saved rosters ("点名 → 会议"), and the one
 * confirmation sheet every conference goes through (it rings up to eight people at once).
 */
import { create } from 'zustand';
import type { ContactRecord, Roster, RosterMember } from '../../../shared/domain';
import { parseMember } from '../../../shared/call-extension';
import { MAX_CONFERENCE_CALLEES } from '../../../shared/limits';
import type { Failure } from '../../../shared/result';
import { invoke } from '../bridge';
import { addMember, moveMember, moveMemberTo, ownNumber, removeMember, type RosterCandidate, type RosterRefusal } from '../lib/roster-rules';
import type { Tone, UiMessage } from '../lib/ui-message';
import { formatPhone } from '../lib/phone-format';
import { partyLabel } from '../lib/party-label';
import { contactForDialled } from '../lib/contact-for-number';
import { currentLanguage, useAppStore } from './app-store';
import { onContactsListed, useContactsStore } from './contacts-store';
import { showToast } from './toast-store';

export interface RosterNote {
  message: UiMessage;
  tone: Tone;
}

export interface ConfirmRequest {
  members: RosterMember[];
  /** Where it came from, shown in the sheet ("saved roster 早班", "call log"). */
  origin?: UiMessage;
  /** The limit per person to keep (extending a conference); the setting when absent. */
  perPersonSec?: number;
}

export interface RosterState {
  members: RosterMember[];
  note: RosterNote | null;
  saved: Roster[];
  confirm: ConfirmRequest | null;
  /** Adds one member; refusals become `note` (shown as roster-message). */
  add(candidate: RosterCandidate): boolean;
  remove(index: number): void;
  move(index: number, delta: number): void;
  /** Drag and drop: the member at `from` moves to position `to`. */
  moveTo(from: number, to: number): void;
  /** Replaces the roster (clear, load): Undo for a few seconds when something was there. */
  replace(members: RosterMember[], message?: UiMessage): void;
  /** Shows a message under the roster (e.g. why a contact could not be added). */
  showNote(note: RosterNote): void;
  clearNote(): void;
  saveAs(name: string): Promise<Failure | null>;
  deleteSaved(id: string): Promise<Failure | null>;
  loadSaved(id: string): void;
  /** Opens the confirmation sheet for `members` (default: the roster being built). */
  openConfirm(request?: ConfirmRequest): boolean;
  closeConfirm(): void;
  /** Reads back the conference being built (main keeps it across reloads and restarts). */
  loadDraft(): Promise<void>;
}

/**
 * Every change of the roster goes to main at once (a reload a moment later must find it), one
 * write at a time with only the newest waiting, so a burst of edits is not a burst of writes.
 */
let draftSending = false;
let draftPending: RosterMember[] | null = null;
/** Edited before the draft was read back: the edit wins over the older draft. */
let draftTouched = false;

async function sendDraft(members: RosterMember[]): Promise<void> {
  draftPending = members;
  if (draftSending) return;
  draftSending = true;
  try {
    while (draftPending) {
      const next = draftPending;
      draftPending = null;
      await invoke('rosterDraftSet', {
        members: next.map((m) => ({
          ...(m.contactId ? { contactId: m.contactId } : {}),
          name: m.name,
          number: m.number,
          ...(m.extension ? { extension: m.extension } : {}),
        })),
      });
    }
  } finally {
    draftSending = false;
  }
}

export function refusalMessage(r: RosterRefusal): UiMessage {
  switch (r.reason) {
    case 'invalid':
      return r.text;
    case 'own':
      return { key: 'roster.refused.own', params: { number: formatPhone(r.number) } };
    case 'duplicate':
      return {
        key: r.name ? 'roster.refused.duplicateNamed' : 'roster.refused.duplicate',
        params: { number: memberNumberText(r.number, r.extension), position: r.position, name: r.name },
      };
    case 'full':
      return { key: 'roster.refused.full', params: { max: r.max } };
  }
}

const own = () => ownNumber(useAppStore.getState().settings?.callerNumber);

/** "010 6223 4302 转 396": a member's number as the roster shows it. */
export function memberNumberText(number: string, extension: string | undefined): string {
  return partyLabel(extension ? { number, extension } : { number }, currentLanguage());
}

/** The contact a typed number (with its extension) is, as the log will name it. */
function contactFor(typed: RosterCandidate): ContactRecord | undefined {
  const parsed = parseMember(typed.number, typed.extension);
  const view = useContactsStore.getState().view;
  return parsed.ok && view ? contactForDialled(view, parsed.number, parsed.extension) : undefined;
}

export const useRosterStore = create<RosterState>((set, get) => {
  // The saved rosters arrive with the contact list; this store keeps them (the contacts store
  // never writes another store's state).
  onContactsListed(({ rosters }) => set({ saved: rosters }));
  return {
    members: [],
    note: null,
    saved: [],
    confirm: null,

    add(typed) {
      // A typed number that belongs to a contact is that contact: added with the name, and
      // refused as a duplicate when the contact is already in (by another of their numbers).
      const contact = typed.contactId ? undefined : contactFor(typed);
      const candidate = contact ? { ...typed, name: typed.name?.trim() || contact.name, contactId: contact.id } : typed;
      const members = get().members;
      const already = candidate.contactId ? members.findIndex((m) => m.contactId === candidate.contactId) : -1;
      if (already >= 0) {
        const m = members[already];
        const extension = m.extension ? { extension: m.extension } : {};
        set({ note: { message: refusalMessage({ reason: 'duplicate', number: m.number, ...extension, position: already + 1, name: m.name }), tone: 'error' } });
        return false;
      }
      const r = addMember(members, candidate, own(), MAX_CONFERENCE_CALLEES);
      if (!r.ok) {
        set({ note: { message: refusalMessage(r.refusal), tone: 'error' } });
        return false;
      }
      set({
        members: r.members,
        note: {
          message: {
            key: 'roster.added',
            params: { who: r.member.name || memberNumberText(r.member.number, r.member.extension), n: r.members.length, max: MAX_CONFERENCE_CALLEES },
          },
          tone: 'success',
        },
      });
      return true;
    },

    remove(index) {
      set({ members: removeMember(get().members, index), note: null });
    },

    move(index, delta) {
      set({ members: moveMember(get().members, index, delta) });
    },

    moveTo(from, to) {
      if (from !== to) set({ members: moveMemberTo(get().members, from, to) });
    },

    showNote(note) {
      set({ note });
    },

    replace(members, message) {
      const previous = get().members;
      set({ members: members.slice(), note: null });
      if (previous.length > 0) {
        showToast({
          message: message ?? { key: 'roster.cleared' },
          undo: () => set({ members: previous, note: null }),
        });
      }
    },

    clearNote() {
      if (get().note) set({ note: null });
    },

    async saveAs(name) {
      const trimmed = name.trim();
      // Saving under an existing name updates that roster rather than adding a twin.
      const existing = get().saved.find((r) => r.name === trimmed);
      const r = await invoke('rosterSave', { roster: { id: existing?.id, name: trimmed, members: get().members } });
      if (!r.ok) return r;
      const saved = get().saved;
      const at = saved.findIndex((x) => x.id === r.roster.id);
      set({
        saved: at >= 0 ? saved.map((x, i) => (i === at ? r.roster : x)) : [...saved, r.roster],
        note: { message: { key: 'roster.savedAs', params: { name: r.roster.name } }, tone: 'success' },
      });
      return null;
    },

    async deleteSaved(id) {
      const roster = get().saved.find((r) => r.id === id);
      if (!roster) return null;
      const r = await invoke('rosterDelete', { id });
      if (!r.ok) return r;
      set({ saved: get().saved.filter((x) => x.id !== id) });
      showToast({
        message: { key: 'roster.savedDeleted', params: { name: roster.name } },
        // There is no restore operation for rosters: saving the same name and members again is one.
        undo: async () => {
          const again = await invoke('rosterSave', { roster: { name: roster.name, members: roster.members } });
          if (again.ok) set({ saved: [...get().saved, again.roster] });
          else showToast({ message: { failure: again }, tone: 'error' });
        },
      });
      return null;
    },

    loadSaved(id) {
      const roster = get().saved.find((r) => r.id === id);
      if (!roster) return;
      get().replace(roster.members, { key: 'roster.loadedReplaced', params: { name: roster.name } });
      set({ note: { message: { key: 'roster.loaded', params: { name: roster.name, n: roster.members.length } }, tone: 'info' } });
    },

    openConfirm(request) {
      const members = request?.members ?? get().members;
      if (members.length === 0) {
        set({ note: { message: { key: 'roster.emptyStart' }, tone: 'error' } });
        return false;
      }
      set({ confirm: { members: members.slice(), origin: request?.origin, perPersonSec: request?.perPersonSec } });
      return true;
    },

    closeConfirm() {
      if (get().confirm) set({ confirm: null });
    },

    async loadDraft() {
      const r = await invoke('rosterDraftGet', {});
      if (!r.ok || draftTouched || r.members.length === 0) return;
      loadingDraft = true;
      try {
        set({ members: r.members });
      } finally {
        loadingDraft = false;
      }
    },
  };
});

let loadingDraft = false;
useRosterStore.subscribe((state, previous) => {
  if (state.members === previous.members || loadingDraft) return;
  draftTouched = true;
  void sendDraft(state.members);
});
