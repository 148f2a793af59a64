/**
 * Event ids follow visibility, not the order writers started: a writer that commits late gets a
 * higher id than everything already delivered, so neither the live feed nor a client resuming
 * with Last-Event-ID ever skips it. Only on PostgreSQL can two writers overlap (PGlite runs one
 * transaction at a time); the numbering itself is checked on both engines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvent, eventsAfter } from '../../src/hub/events';
import { sequenceEvents } from '../../src/hub/event-sequencer';
import { engines, postgresEngine } from './support/engines';
import { startTestHub, type TestHub } from './support/harness';
import { openSse } from './support/sse';

describe.each([postgresEngine])('event order with overlapping writers ($name)', (engine) => {
  let t: TestHub;
  beforeAll(async () => {
    // No sweep: the test decides when the late event is numbered.
    t = await startTestHub(engine, { hub: { sequencerSweepMs: 0 } });
  });
  afterAll(async () => t?.close());

  it('a writer that inserted first but commits last is neither skipped live nor on resume', async () => {
    const s = await t.user('supervisor');
    const live = await openSse(`${t.url}/api/events`, s.token);

    // Writer A: inserts its event (the lower seq) and keeps its transaction open.
    let commitA!: () => void;
    const gate = new Promise<void>((resolve) => (commitA = resolve));
    let insertedA!: () => void;
    const aInserted = new Promise<void>((resolve) => (insertedA = resolve));
    const writerA = t.hub.db.transaction(async (tx) => {
      await appendEvent(tx, 'directory', { marker: 'late-writer' });
      insertedA();
      await gate;
    });
    await aInserted;

    // Writer B (an ordinary API change) starts after A and commits first: it must not wait for A.
    const b = await t.api<{ item: { id: string } }>('POST', '/api/groups', { token: s.token, body: { name: 'early' } });
    expect(b.status).toBe(201);
    const [bEvent] = (await live.until((es) => es.some((e) => e.data.itemId === b.body.item.id))).filter((e) => e.data.itemId === b.body.item.id);

    commitA();
    await writerA;
    t.hub.sequencer.poke();
    const aEvent = (await live.until((es) => es.some((e) => e.data.marker === 'late-writer'))).find((e) => e.data.marker === 'late-writer')!;

    // A really was the earlier writer (lower seq) and still got the higher id.
    const seqs = await t.hub.db.query<{ id: string; seq: string }>('SELECT id, seq FROM events WHERE id = ANY($1::bigint[])', [[bEvent.id, aEvent.id]]);
    const seqOf = (id: string | undefined) => Number(seqs.rows.find((r) => String(r.id) === id)?.seq);
    expect(seqOf(aEvent.id)).toBeLessThan(seqOf(bEvent.id));
    expect(Number(aEvent.id)).toBeGreaterThan(Number(bEvent.id));

    // A desk that saw B and then dropped resumes with B's id: it gets A.
    const resumed = await openSse(`${t.url}/api/events`, s.token, bEvent.id);
    await resumed.until((es) => es.some((e) => e.data.marker === 'late-writer'));
    expect(resumed.events.some((e) => e.id === bEvent.id)).toBe(false);
    live.close();
    resumed.close();
  });
});

describe.each(engines)('event sequencer ($name)', (engine) => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub(engine, { simulator: false, hub: { sequencerSweepMs: 0 } });
  });
  afterAll(async () => t?.close());

  it('numbers committed events in insertion order, after every id already given', async () => {
    await t.hub.sequencer.idle();
    const before = await t.hub.db.query<{ max: string | null }>('SELECT max(id) AS max FROM events');
    const start = Number(before.rows[0].max ?? 0);
    await t.hub.db.transaction(async (tx) => {
      for (const n of [1, 2, 3]) await appendEvent(tx, 'directory', { n });
    });
    const unnumbered = await t.hub.db.query('SELECT 1 FROM events WHERE id IS NULL');
    expect(unnumbered.rows.length).toBe(3);
    expect(await sequenceEvents(t.hub.db)).toBe(3);
    const got = await eventsAfter(t.hub.db, start, null);
    expect(got.map((e) => e.data.n)).toEqual([1, 2, 3]);
    expect(got[0].id).toBeGreaterThan(start);
    expect(await sequenceEvents(t.hub.db)).toBe(0);
  });

  it('the periodic sweep numbers an event whose writer never poked', async () => {
    const s = await t.user('supervisor');
    const live = await openSse(`${t.url}/api/events`, s.token);
    await t.hub.db.transaction((tx) => appendEvent(tx, 'directory', { marker: 'unpoked' }));
    // What a restarted or other instance does: its sequencer starts with a sweep.
    const { EventSequencer } = await import('../../src/hub/event-sequencer');
    const other = new EventSequencer(
      t.hub.db,
      (err) => {
        throw err;
      },
      20,
    );
    other.start();
    try {
      await live.until((es) => es.some((e) => e.data.marker === 'unpoked'));
    } finally {
      await other.close();
      live.close();
    }
  });
});
