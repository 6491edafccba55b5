-- The governance read side: connections listed by server, every pending approval, the activity
-- log searched by server and call and purged by age, and each server's tool catalogue.

CREATE INDEX connections_by_server ON ${schema}.connections (server_id);

CREATE INDEX approvals_all_pending ON ${schema}.approvals (created_at, id)
  WHERE status = 'PENDING';

-- An event's time to the nanosecond (timestamptz keeps microseconds), so retention compares
-- exactly as Instant.isBefore does.
ALTER TABLE ${schema}.audit_events
  ADD COLUMN server_id text,
  ADD COLUMN correlation_id text,
  ADD COLUMN time_second bigint,
  ADD COLUMN time_nano integer;
UPDATE ${schema}.audit_events SET
  server_id = doc->>'serverId',
  correlation_id = doc->>'correlationId',
  time_second = extract(epoch FROM date_trunc('second', (doc->>'time')::timestamptz))::bigint,
  time_nano = coalesce(rpad(substring(doc->>'time' FROM '\.([0-9]+)Z$'), 9, '0')::integer, 0);
ALTER TABLE ${schema}.audit_events
  ALTER COLUMN time_second SET NOT NULL,
  ALTER COLUMN time_nano SET NOT NULL;
CREATE INDEX audit_by_server ON ${schema}.audit_events (server_id, seq);
CREATE INDEX audit_by_correlation ON ${schema}.audit_events (correlation_id, seq);
CREATE INDEX audit_by_time ON ${schema}.audit_events (time_second, time_nano);

CREATE TABLE ${schema}.tool_catalogs (
  server_id text PRIMARY KEY,
  doc jsonb NOT NULL
);
