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
    expect(s).toMatchObject({ session: 's1', type: 'call', state: 'ended', status: 'SUCCESS', durationSec: 42, hangCause: 'NO_USER_RESPONSE' });
    // 10:00:00 in Beijing is 02:00:00 UTC [inf].
    const endedAt = Date.UTC(2024, 4, 1, 2, 0, 0);
    expect(s.endedAt).toBe(endedAt);
    expect(s.legs).toEqual([
      { number: 'caller', state: 'ended', hangCause: 'NORMAL_CLEARING', endedAt },
      { number: 'callee', state: 'ended', answered: false, hangCause: 'NO_USER_RESPONSE', endedAt },
    ]);
  });

  it('reads each member of a conference: who answered, for how long, why each leg ended', () => {
    const members = JSON.stringify([
      { endpoint: '13800138000', durationSec: 30, hangCause: 'NORMAL_CLEARING', endTime: '2024-05-01 10:00:40' },
      { endpoint: '13900000901', durationSec: 0, hangCause: 'USER_BUSY', endTime: '2024-05-01 10:00:01' },
      { endpoint: '13700137000', durationSec: 12, hangCause: 'NORMAL_CLEARING', endTime: '2024-05-01 10:00:22' },
    ]);
    const s = toSessionStatus('c1', 'conf', { caller: '13800138000', status: 'SUCCESS', starttime: Date.UTC(2024, 4, 1, 2, 0, 10), durationSec: 42, members });
    expect(s.legs?.map((l) => [l.number, l.answered, l.durationSec, l.hangCause])).toEqual([
      ['13800138000', true, 30, 'NORMAL_CLEARING'],
      ['13900000901', false, 0, 'USER_BUSY'],
      ['13700137000', true, 12, 'NORMAL_CLEARING'],
    ]);
    expect(s.startedAt).toBe(Date.UTC(2024, 4, 1, 2, 0, 10));
    expect(s.endedAt).toBe(Date.UTC(2024, 4, 1, 2, 0, 40));
  });

  it('a live member has its own state: ringing or talking', () => {
    const members = [
      { endpoint: '1', status: 'ANSWERED', durationSec: 3 },
      { endpoint: '2', status: 'RINGING', durationSec: 0 },
    ];
    const s = toSessionStatus('c1', 'conf', { status: 'ANSWERED', members });
    expect(s.legs?.map((l) => [l.state, l.answered])).toEqual([
      ['talking', true],
      ['ringing', undefined],
    ]);
    expect(s.endedAt).toBeUndefined();
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
