/**
 * Team mode as both sides of the bridge see it: who is signed in to which hub, and whether the
 * hub can be reached right now. Never contains the token or the password.
 */
export type TeamRole = 'admin' | 'supervisor' | 'dispatcher';
export type HubMode = 'sandbox' | 'production';

/**
 * `off`: not signed in (the desk runs in its own sandbox/production mode). `online`: the event
 * stream is open. `offline`: signed in, hub unreachable (reading from the local copy, calls and
 * edits refused). `expired`: the hub no longer accepts the token: sign in again.
 */
export type TeamConnection = 'off' | 'connecting' | 'online' | 'offline' | 'expired';

export interface TeamStatus {
  connection: TeamConnection;
  hubUrl?: string;
  /** The hub's host as the badge shows it. */
  hubName?: string;
  username?: string;
  role?: TeamRole;
  /** The phone the hub rings first for this dispatcher (set by an admin). */
  phone?: string;
  hubMode?: HubMode;
  /** Where the token is encrypted, as for the AppSecret (see AccountStatus). */
  backend: string;
  backendSecure: boolean;
  /**
   * Counts main's status changes. The answer to a sign-in and the event that the stream opened can
   * reach the window in either order; the window keeps the status with the higher revision.
   */
  revision: number;
}

export function isStaffRole(role: TeamRole | undefined): boolean {
  return role === 'admin' || role === 'supervisor';
}

/** Today's calls in the centre's time zone, as the hub counts them (the supervisor's board). */
export interface TeamDayCounts {
  /** YYYY-MM-DD in `timeZone`. */
  day: string;
  timeZone: string;
  calls: number;
  /** The bill reports a duration above zero. */
  connected: number;
  /** Refused by Yunxin or the hub. */
  failed: number;
  byDispatcher: Array<{ dispatcher: string; calls: number; connected: number; failed: number }>;
}

/** A user of the hub as an admin's desk lists them (never a password or a token). */
export interface TeamUser {
  username: string;
  role: TeamRole;
  phone: string;
  disabled: boolean;
}
