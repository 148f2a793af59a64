-- The hub's first schema. Every piece of state lives here (nothing in process memory), so any
-- number of hub instances can serve the same centre.

CREATE TABLE users (
  id            bigserial PRIMARY KEY,
  username      text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  role          text NOT NULL CHECK (role IN ('admin', 'supervisor', 'dispatcher')),
  phone         text NOT NULL DEFAULT '',
  disabled      boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);

-- Bearer tokens, stored as sha256 of the token: a leaked table does not sign anyone in.
CREATE TABLE auth_tokens (
  token_hash text PRIMARY KEY,
  user_id    bigint NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX auth_tokens_user ON auth_tokens (user_id);

-- Failed logins, per user name and per address, counted over a sliding window.
CREATE TABLE login_failures (
  id    bigserial PRIMARY KEY,
  scope text NOT NULL,
  at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_scope_at ON login_failures (scope, at);

-- Fixed-window request counters for @fastify/rate-limit (shared by all instances).
CREATE TABLE rate_limits (
  key          text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  hits         integer NOT NULL
);

-- Calls and conferences placed through the hub. The row is committed BEFORE Yunxin is asked
-- (state 'sending'), so a crash mid-request leaves a visible trace instead of a silent ring.
CREATE TABLE calls (
  id          bigserial PRIMARY KEY,
  kind        text NOT NULL CHECK (kind IN ('call', 'conference')),
  user_id     bigint NOT NULL REFERENCES users (id),
  dispatcher  text NOT NULL,
  caller      text NOT NULL,
  callees     jsonb NOT NULL,
  max_dur     integer NOT NULL,
  state       text NOT NULL DEFAULT 'sending' CHECK (state IN ('sending', 'done')),
  ok          boolean,
  code        text,
  message     text,
  session     text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX calls_session ON calls (session);
CREATE INDEX calls_user_id ON calls (user_id, id DESC);

-- Double-submit guard: one live row per (user, request); a second identical request inside the
-- window finds the row unexpired and is refused. Works across instances because it is a row.
CREATE TABLE submit_guards (
  user_id      bigint NOT NULL,
  request_hash text NOT NULL,
  until        timestamptz NOT NULL,
  PRIMARY KEY (user_id, request_hash)
);

-- End-of-call bills (抄送), one per session; raw body kept because the format has changed before.
CREATE TABLE bills (
  id           bigserial PRIMARY KEY,
  session      text NOT NULL UNIQUE,
  kind         text NOT NULL,
  status       text,
  duration_sec integer,
  started_at   timestamptz,
  ended_at     text,
  parsed       jsonb NOT NULL,
  raw          text NOT NULL,
  raw_md5      text NOT NULL,
  received_at  timestamptz NOT NULL DEFAULT now()
);

-- Server-sent events. Ids are handed out under an advisory lock held until commit, so id order
-- is commit order and a client resuming after id N misses nothing.
CREATE TABLE events (
  id         bigserial PRIMARY KEY,
  type       text NOT NULL,
  data       jsonb NOT NULL,
  owner_id   bigint,
  staff_only boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The shared directory: contacts, groups and rosters. `revision` is a global counter (taken under
-- the same lock as event ids), so "changes since revision N" is exact; deletes are tombstones.
CREATE SEQUENCE directory_revision;
CREATE TABLE directory_items (
  kind       text NOT NULL CHECK (kind IN ('contact', 'group', 'roster')),
  id         text NOT NULL,
  revision   bigint NOT NULL,
  data       jsonb NOT NULL,
  deleted    boolean NOT NULL DEFAULT false,
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, id)
);
CREATE INDEX directory_items_revision ON directory_items (revision);

-- Settings an admin can change (the Yunxin account). The AppSecret is stored AES-256-GCM encrypted.
CREATE TABLE settings (
  key        text PRIMARY KEY,
  value      jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Append-only audit trail, written in the same transaction as the action it records.
CREATE TABLE audit (
  id      bigserial PRIMARY KEY,
  at      timestamptz NOT NULL DEFAULT now(),
  actor   text NOT NULL,
  action  text NOT NULL,
  target  text,
  detail  jsonb NOT NULL DEFAULT '{}'::jsonb,
  address text
);
CREATE INDEX audit_at ON audit (id DESC);

CREATE FUNCTION audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit is append-only';
END
$$;
CREATE TRIGGER audit_no_update BEFORE UPDATE OR DELETE ON audit
  FOR EACH ROW EXECUTE FUNCTION audit_is_append_only();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
  FOR EACH STATEMENT EXECUTE FUNCTION audit_is_append_only();
