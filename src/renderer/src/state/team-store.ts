/**
 * The window's view of team mode: who is signed in to which hub and whether it is reachable
 * (main's `teamStatusChanged` events). The password goes to main once, in `signIn`, and is not
 * kept here; the token never comes to the window at all.
 */
import { create } from 'zustand';
import type { Failure } from '../../../shared/result';
import type { TeamStatus } from '../../../shared/team';
import { invoke } from '../bridge';

export interface TeamState {
  status: TeamStatus | null;
  /** "Back online" is shown for a moment after the hub became reachable again. */
  backOnline: boolean;
  /** The window asked to sign in again (an expired token) over whatever it shows. */
  reauthOpen: boolean;
  load(): Promise<void>;
  signIn(request: { hubUrl: string; username: string; password: string; acceptPlaintextRisk?: boolean }): Promise<Failure | null>;
  signOut(): Promise<Failure | null>;
  /** From main's event. Returns whether the desk entered or left team mode (the data source changed). */
  apply(status: TeamStatus): boolean;
  setReauthOpen(open: boolean): void;
}

export const isTeamActive = (s: TeamStatus | null | undefined) => s !== null && s !== undefined && s.connection !== 'off';

const BACK_ONLINE_MS = 4000;
let backTimer: ReturnType<typeof setTimeout> | undefined;

export const useTeamStore = create<TeamState>((set, get) => ({
  status: null,
  backOnline: false,
  reauthOpen: false,
  async load() {
    const r = await invoke('teamStatus', {});
    if (r.ok) get().apply(r.team);
  },
  async signIn(request) {
    const r = await invoke('teamSignIn', request);
    if (!r.ok) return r;
    get().apply(r.team);
    set({ reauthOpen: false });
    return null;
  },
  async signOut() {
    const r = await invoke('teamSignOut', {});
    if (!r.ok) return r;
    get().apply(r.team);
    return null;
  },
  apply(status) {
    const before = get().status;
    // An older status arriving late (the sign-in answer after the "online" event) changes nothing.
    if (before !== null && status.revision < before.revision) return false;
    const changedMode = isTeamActive(before) !== isTeamActive(status) || (isTeamActive(status) && before?.username !== status.username);
    const back = before !== null && (before.connection === 'offline' || before.connection === 'expired') && status.connection === 'online';
    if (back) {
      clearTimeout(backTimer);
      backTimer = setTimeout(() => set({ backOnline: false }), BACK_ONLINE_MS);
    }
    set({ status, backOnline: back || (get().backOnline && status.connection === 'online') });
    return before !== null && changedMode;
  },
  setReauthOpen(open) {
    set({ reauthOpen: open });
  },
}));
