import { randomUUID } from 'node:crypto';
import type { SimSession } from './bill';

/** Sessions the simulator accepted, findable only by the app that created them. */
export class SessionStore {
  private readonly byId = new Map<string, SimSession>();

  create(fields: Omit<SimSession, 'session'>): SimSession {
    const session: SimSession = { session: randomUUID(), ...fields };
    this.byId.set(session.session, session);
    return session;
  }

  /** Another app's session, or one of the other type, is "not exist" to the asker [inf]. */
  find(appKey: string, session: string, kind: SimSession['kind']): SimSession | undefined {
    const found = this.byId.get(session);
    return found && found.appKey === appKey && found.kind === kind ? found : undefined;
  }

  clear(): void {
    this.byId.clear();
  }
}
