/** Call-log entries for the report tests: each built from the few facts a test cares about. */
import type { CallLogEntry, CallParty } from '../../../src/shared/domain';

let seq = 0;

export function entry(over: Partial<CallLogEntry> & { at: string }): CallLogEntry {
  const { at, ...rest } = over;
  const createdAt = Date.parse(at);
  if (Number.isNaN(createdAt)) throw new Error(`bad time ${at}`);
  seq++;
  return {
    id: `e${seq}`,
    kind: 'call',
    createdAt,
    updatedAt: createdAt,
    mode: 'sandbox',
    caller: '13900000000',
    parties: [{ number: '13800138000' }],
    maxDur: 600,
    session: `s${seq}`,
    state: 'ended',
    revision: seq,
    ...rest,
  };
}

export const party = (number: string, name?: string): CallParty => (name ? { number, name } : { number });
