-- Event order after commit (issue 11: one advisory lock held until COMMIT serialised every bill
-- behind one fsync). A writer now only inserts its event row (`seq`, from an identity, in no
-- particular commit order; `id` NULL). The sequencer (src/hub/event-sequencer.ts) gives committed
-- rows their public `id` — the SSE event id — from events_id_seq, in batches, one sequencer at a
-- time under an advisory lock held until its COMMIT. Ids therefore become visible in increasing
-- order even though writers commit in any order: a reader that has seen id N never later finds a
-- committed id below N, and only the sequencer's short transactions are serialised.
ALTER TABLE events ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
ALTER TABLE events ALTER COLUMN id DROP DEFAULT;
ALTER TABLE events DROP CONSTRAINT events_pkey;
ALTER TABLE events ALTER COLUMN id DROP NOT NULL;
ALTER TABLE events ADD PRIMARY KEY (seq);
CREATE UNIQUE INDEX events_id ON events (id);
CREATE INDEX events_unsequenced ON events (seq) WHERE id IS NULL;

-- What pruning removed: every event with id <= pruned_through is gone. A client resuming after an
-- id below it may have missed events and is told to resync (src/hub/routes/events.ts).
CREATE TABLE event_horizon (
  singleton      boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  pruned_through bigint NOT NULL DEFAULT 0
);
INSERT INTO event_horizon (singleton, pruned_through) VALUES (true, 0);
CREATE INDEX rate_limits_window_start ON rate_limits (window_start);
CREATE INDEX submit_guards_until ON submit_guards (until);
CREATE INDEX auth_tokens_expires_at ON auth_tokens (expires_at);
