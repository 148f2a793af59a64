import { describe, expect, it } from 'vitest';
import { toSessionStatus } from '../../../src/yunxin/session-status';

describe('queryBySession obj → SessionStatus', () => {
  it.each([
    ['RINGING', 'ringing'],
    ['calling', 'ringing'],
    ['ANSWERED', 'answered'],
    ['in-progress', 'answered'],
    ['SUCCESS', 'ended'],
    ['FAILED', 'ended'],
    ['NO_ANSWER', 'ended'],
    ['SOMETHING_NEW', 'unknown'],
  ])('status %s → %s', (status, state) => {
    expect(toSessionStatus('s1', 'call', { status }).state).toBe(state);
  });

  it('reads a single-call bill-like obj', () => {
    const s = toSessionStatus('s1', 'call', {
      status: 'SUCCESS',
      durationSec: '42',
      legs: [
        { endpoint: 'caller', hangCause: 'NORMAL_CLEARING', endTime: '2024-05-01 10:00:00' },
        { endpoint: 'callee', hangCause: 'NO_USER_RESPONSE', endTime: '2024-05-01 10:00:00' },
      ],
    });
    expect(s).toEqual({ session: 's1', type: 'call', state: 'ended', status: 'SUCCESS', durationSec: 42, hangCause: 'NO_USER_RESPONSE' });
  });

  it('decodes members given as a JSON string and infers the end without a status word', () => {
    const members = JSON.stringify([
      { callee: '13900139000', hangCause: 'NORMAL_CLEARING', endTime: '2024-05-01 10:00:00' },
      { callee: '13700137000', hangCause: 'USER_BUSY', endTime: '2024-05-01 10:00:00' },
    ]);
    const s = toSessionStatus('c1', 'conf', { members, duration: 90 });
    expect(s).toMatchObject({ state: 'ended', durationSec: 90, hangCause: 'USER_BUSY' });
  });

  it('an obj sent as JSON text is parsed too', () => {
    expect(toSessionStatus('s1', 'call', JSON.stringify({ status: 'TALKING' })).state).toBe('answered');
  });

  it('an endTime alone means ended', () => {
    expect(toSessionStatus('s1', 'call', { endTime: '2024-05-01 10:00:00' }).state).toBe('ended');
  });

  it.each([undefined, null, 'garbage', 42, [], { legs: 'not json' }, { members: [1, 'x', null] }])('never throws and never guesses on %j', (obj) => {
    expect(toSessionStatus('s1', 'call', obj)).toEqual({ session: 's1', type: 'call', state: 'unknown' });
  });
});
