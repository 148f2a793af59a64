-- The board's "today" counts read the calls of one day (GET /api/calls/today): by time, not by id.
CREATE INDEX calls_created_at ON calls (created_at);
