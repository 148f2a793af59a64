/**
 * Placing a call or conference for a signed-in dispatcher. The order matters:
 * 1. validate (the desk's own rules) — bad input sends nothing;
 * 2. one transaction: the double-submit guard row + the call row (state 'sending') + audit —
 *    committed BEFORE Yunxin is asked, so a crash leaves a visible "may have rung" row;
 * 3. ask Yunxin exactly once (the client never retries a call; neither does the hub);
 * 4. one transaction: the result on the row + a `call` event.
 */
import { createHash } from 'node:crypto';
import { CONF_PER_PERSON_DEFAULT_SEC, conferenceMaxDurCap, resolveConferenceTime } from '../shared/conference-time';
import { MAX_DUR_DEFAULT, MAX_DUR_DEFAULT_MAX, MAX_DUR_DEFAULT_MIN } from '../shared/limits';
import { msg } from '../shared/i18n';
import { failure, type Failure } from '../shared/result';
import { validateCallRequest, validateConfRequest } from '../shared/validation';
import { appendAudit } from './audit';
import type { AuthUser } from './auth/tokens';
import type { HubContext } from './context';
import type { Queryable } from './db/types';
import { appendEvent } from './events';

export const MAX_DUR_RANGE = { min: MAX_DUR_DEFAULT_MIN, max: MAX_DUR_DEFAULT_MAX };

export type CallKind = 'call' | 'conference';

export interface PlaceInput {
  kind: CallKind;
  callees: string[];
  /** A conference's extensions by position ('' for none): only for the rules, never dialled or stored. */
  extensions?: string[];
  maxDur?: number;
}

/** A Failure whose code may also be the hub's own ('double_submit'). */
export type HubFailure = Omit<Failure, 'code'> & { code: Failure['code'] | 'double_submit' };
export type PlaceResult = ({ ok: true; session: string; id: number } | (HubFailure & { id?: number })) & { httpStatus?: number };

function requestHash(kind: CallKind, callees: string[], maxDur: number, extensions?: string[]): string {
  // Without extensions the hash is what it always was, so a guard row from before still matches.
  return createHash('sha256')
    .update(JSON.stringify(extensions ? [kind, callees, maxDur, extensions] : [kind, callees, maxDur]))
    .digest('hex');
}

/**
 * Inserts the guard row, or finds a live one and refuses. One statement, so two instances racing
 * on the same request serialise on the row: the second sees the first's unexpired row.
 */
async function takeGuard(tx: Queryable, userId: number, hash: string, windowMs: number): Promise<boolean> {
  const r = await tx.query(
    `INSERT INTO submit_guards (user_id, request_hash, until)
     VALUES ($1, $2, now() + make_interval(secs => $3::double precision / 1000))
     ON CONFLICT (user_id, request_hash) DO UPDATE SET until = EXCLUDED.until
       WHERE submit_guards.until <= now()
     RETURNING user_id`,
    [userId, hash, windowMs],
  );
  return r.rows.length === 1;
}

export async function placeCall(ctx: HubContext, user: AuthUser, input: PlaceInput, address: string): Promise<PlaceResult> {
  const access = await ctx.yunxin.client();
  if (!access.ok) return { ...access, httpStatus: 503 };
  const { client, callerAcc } = access;
  let maxDur = input.maxDur ?? MAX_DUR_DEFAULT;
  let checked: ReturnType<typeof validateCallRequest> | ReturnType<typeof validateConfRequest>;
  if (input.kind === 'call') {
    checked = validateCallRequest({ callerAcc, caller: user.phone, callee: input.callees[0], maxDur }, MAX_DUR_RANGE);
  } else {
    // A conference's maxDur is the sum over its legs: the desk sends limit × legs, which may go
    // beyond one call's maximum; without one, the hub applies the same default per person.
    const time = resolveConferenceTime({ maxDur: input.maxDur, calleeCount: input.callees.length }, CONF_PER_PERSON_DEFAULT_SEC, MAX_DUR_RANGE);
    if ('ok' in time) return { ...time, httpStatus: 400 };
    maxDur = time.maxDur;
    checked = validateConfRequest(
      { callerAcc, caller: user.phone, callees: input.callees, extensions: input.extensions, maxDur },
      { min: MAX_DUR_RANGE.min, max: conferenceMaxDurCap(MAX_DUR_RANGE.max) },
    );
  }
  if (!checked.ok) return { ...checked, httpStatus: 400 };
  const callees = 'callees' in checked ? checked.callees : [checked.callee];
  const extensions = 'extensions' in checked ? checked.extensions : undefined;
  const hash = requestHash(input.kind, callees, maxDur, extensions);

  const id = await ctx.db.transaction(async (tx) => {
    if (!(await takeGuard(tx, user.id, hash, ctx.config.doubleSubmitMs))) return undefined;
    const r = await tx.query<{ id: number | string }>(
      `INSERT INTO calls (kind, user_id, dispatcher, caller, callees, max_dur) VALUES ($1, $2, $3, $4, $5::jsonb, $6) RETURNING id`,
      [input.kind, user.id, user.username, checked.caller, JSON.stringify(callees), maxDur],
    );
    const callId = Number(r.rows[0].id);
    await appendAudit(tx, {
      actor: user.username,
      action: input.kind === 'call' ? 'call.place' : 'conference.place',
      target: String(callId),
      detail: { callees, maxDur },
      address,
    });
    return callId;
  });
  if (id === undefined) {
    ctx.metrics.calls.inc({ kind: input.kind, result: 'double_submit' });
    const seconds = Math.ceil(ctx.config.doubleSubmitMs / 1000);
    return {
      ...failure('busy', `The same ${input.kind} was just requested; it was not sent again. Wait ${seconds} s to repeat it on purpose.`, {
        detail: msg(input.kind === 'call' ? 'callRule.repeatedCall' : 'callRule.repeatedConf', { seconds }),
      }),
      code: 'double_submit',
      httpStatus: 409,
    };
  }

  // Exactly one request to Yunxin; its outcome, whatever it is, is recorded and never retried.
  const result =
    input.kind === 'call'
      ? await client.startCall({ callerAcc, caller: checked.caller, callee: callees[0], maxDur })
      : await client.startConf({ callerAcc, caller: checked.caller, callees, maxDur, ...(extensions ? { extensions } : {}) });

  const session = result.ok ? result.session : null;
  await ctx.db.transaction(async (tx) => {
    await tx.query(`UPDATE calls SET state = 'done', ok = $2, code = $3, message = $4, session = $5, finished_at = now() WHERE id = $1`, [
      id,
      result.ok,
      result.ok ? null : String(result.code),
      result.ok ? null : result.message,
      session,
    ]);
    await appendEvent(tx, 'call', { callId: id, session, kind: input.kind, dispatcher: user.username, ok: result.ok }, { ownerId: user.id });
  });
  ctx.sequencer.poke();
  ctx.metrics.calls.inc({ kind: input.kind, result: result.ok ? 'ok' : String(result.code) });
  if (result.ok) return { ok: true, session: result.session, id };
  return { ...result, id, httpStatus: 502 };
}
