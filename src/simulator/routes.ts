import type { KnownAccount } from './accounts';
import { hasAccid } from './accounts';
import { answers, type Answer } from './answers';
import { billAt, type SimSession } from './bill';
import { checkGetUinfos, checkQuery, checkStartCall, checkStartConf, type Params } from './params';
import type { SessionStore } from './sessions';
import type { SimulatorProgress } from './types';

export const PATHS = {
  startCall: '/call/ecp/startcall.action',
  startConf: '/call/ecp/startconf.action',
  queryBySession: '/call/ecp/queryBySession.action',
  getUinfos: '/nimserver/user/getUinfos.action',
} as const;

const KNOWN_PATHS = new Set<string>(Object.values(PATHS));

export function isKnownPath(path: string): boolean {
  return KNOWN_PATHS.has(path);
}

export interface RouteContext {
  sessions: SessionStore;
  progress: SimulatorProgress;
  now: () => number;
  /** Told about every accepted session (the callback sender schedules its bill). */
  onSessionCreated: (session: SimSession, account: KnownAccount) => void;
}

/** The answer to an authenticated request on a known path. */
export function route(path: string, params: Params, account: KnownAccount, ctx: RouteContext): Answer {
  switch (path) {
    case PATHS.startCall: {
      const checked = checkStartCall(params, account);
      if (!checked.ok) return checked.answer;
      const { callee, ...rest } = checked.value;
      return accept(ctx, account, { ...rest, kind: 'call', callees: [callee] });
    }
    case PATHS.startConf: {
      const checked = checkStartConf(params, account);
      if (!checked.ok) return checked.answer;
      return accept(ctx, account, { ...checked.value, kind: 'conf' });
    }
    case PATHS.queryBySession: {
      const checked = checkQuery(params);
      if (!checked.ok) return checked.answer;
      const found = ctx.sessions.find(account.appKey, checked.value.session, checked.value.kind);
      return found ? answers.ok({ obj: billAt(found, ctx.progress, ctx.now()) }) : answers.sessionNotFound();
    }
    case PATHS.getUinfos: {
      const checked = checkGetUinfos(params);
      if (!checked.ok) return checked.answer;
      // The real server echoes the lower-cased accid and the nickname; the simulator's name is the accid.
      const uinfos = checked.value.filter((accid) => hasAccid(account, accid)).map((accid) => ({ accid: accid.toLowerCase(), name: accid.toLowerCase() }));
      return answers.ok({ uinfos });
    }
    default:
      return answers.notFound();
  }
}

function accept(ctx: RouteContext, account: KnownAccount, fields: Omit<SimSession, 'session' | 'appKey' | 'createdAt'>): Answer {
  const session = ctx.sessions.create({ ...fields, appKey: account.appKey, createdAt: ctx.now() });
  ctx.onSessionCreated(session, account);
  return answers.sessionCreated(session.session);
}
