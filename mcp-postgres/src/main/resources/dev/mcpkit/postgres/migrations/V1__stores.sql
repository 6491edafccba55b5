-- Every store of mcpkit. ${schema} is the schema the host chose, already quoted.

CREATE TABLE ${schema}.sessions (
  id text PRIMARY KEY,
  endpoint text NOT NULL,
  subject text NOT NULL,
  protocol_version text NOT NULL,
  client_info text,
  client_capabilities text NOT NULL,
  log_level text,
  subscriptions text[] NOT NULL,
  created_millis bigint NOT NULL,
  last_used_millis bigint NOT NULL
);
CREATE INDEX sessions_last_used ON ${schema}.sessions (last_used_millis);

CREATE TABLE ${schema}.events (
  session_id text NOT NULL,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  stream_id text NOT NULL,
  data bytea NOT NULL,
  PRIMARY KEY (session_id, seq)
);
CREATE INDEX events_stream ON ${schema}.events (session_id, stream_id, seq);

CREATE TABLE ${schema}.tokens (
  owner_kind text NOT NULL,
  owner_id text NOT NULL,
  issuer text NOT NULL,
  resource text NOT NULL,
  value bytea NOT NULL,
  PRIMARY KEY (owner_kind, owner_id, issuer, resource)
);

CREATE TABLE ${schema}.api_keys (
  id text PRIMARY KEY,
  sha256 bytea NOT NULL UNIQUE,
  subject text NOT NULL,
  scopes text[] NOT NULL,
  created_at timestamptz NOT NULL,
  created_nanos integer NOT NULL
);

CREATE TABLE ${schema}.pending_authorizations (
  handle text PRIMARY KEY,
  value bytea NOT NULL,
  expires_at timestamptz NOT NULL
);

CREATE TABLE ${schema}.registry (
  id text PRIMARY KEY,
  doc jsonb NOT NULL
);

CREATE TABLE ${schema}.sharing (
  server_id text PRIMARY KEY,
  doc jsonb NOT NULL
);

CREATE TABLE ${schema}.connectors (
  agent_id text NOT NULL,
  server_id text NOT NULL,
  doc jsonb NOT NULL,
  PRIMARY KEY (agent_id, server_id)
);

CREATE TABLE ${schema}.drift_reports (
  agent_id text NOT NULL,
  server_id text NOT NULL,
  tool text NOT NULL,
  definition_hash text NOT NULL,
  PRIMARY KEY (agent_id, server_id, tool, definition_hash)
);

CREATE SEQUENCE ${schema}.connection_puts;
CREATE TABLE ${schema}.connections (
  id text PRIMARY KEY,
  server_id text NOT NULL,
  owner_id text NOT NULL,
  method text NOT NULL,
  put_seq bigint NOT NULL,
  doc jsonb NOT NULL
);
CREATE INDEX connections_personal ON ${schema}.connections (server_id, owner_id, put_seq)
  WHERE method = 'PER_USER';

CREATE TABLE ${schema}.approvals (
  id text PRIMARY KEY,
  principal_id text NOT NULL,
  status text NOT NULL,
  created_at timestamptz NOT NULL,
  doc jsonb NOT NULL
);
CREATE INDEX approvals_pending ON ${schema}.approvals (principal_id, created_at)
  WHERE status = 'PENDING';

CREATE TABLE ${schema}.audit_events (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id text NOT NULL UNIQUE,
  principal_id text,
  agent_id text,
  doc jsonb NOT NULL
);
CREATE INDEX audit_by_principal ON ${schema}.audit_events (principal_id, seq);
CREATE INDEX audit_by_agent ON ${schema}.audit_events (agent_id, seq);
