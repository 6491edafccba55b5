-- What several mcp-server instances share beyond sessions and events. ${schema} is quoted.

-- The 2026-07-28 requestState HMAC key: one row, written by the first instance that needs it.
CREATE TABLE ${schema}.request_state_key (
  id smallint PRIMARY KEY CHECK (id = 1),
  key bytea NOT NULL CHECK (octet_length(key) >= 32)
);

-- Nonces of accepted requestStates, kept until they expire (replay protection).
CREATE TABLE ${schema}.request_states_used (
  id text PRIMARY KEY,
  expires_at timestamptz NOT NULL
);
CREATE INDEX request_states_used_expiry ON ${schema}.request_states_used (expires_at);

-- Deliveries between instances too large for a NOTIFY payload; the notification carries the id.
CREATE TABLE ${schema}.deliveries (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  payload bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX deliveries_created ON ${schema}.deliveries (created_at);
