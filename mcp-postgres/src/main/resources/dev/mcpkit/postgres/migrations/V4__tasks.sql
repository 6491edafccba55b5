-- Tasks of mcp-server (TaskStore). ${schema} is the schema the host chose, already quoted.
-- expires_millis is created_millis + ttl_millis, or 9223372036854775807 for a task kept forever.

CREATE TABLE ${schema}.tasks (
  task_id text PRIMARY KEY,
  owner text NOT NULL,
  tool_name text NOT NULL,
  status text NOT NULL,
  status_message text,
  created_millis bigint NOT NULL,
  updated_millis bigint NOT NULL,
  ttl_millis bigint,
  expires_millis bigint NOT NULL,
  poll_interval_millis bigint NOT NULL,
  result text,
  error text,
  input_requests text
);
CREATE INDEX tasks_owner ON ${schema}.tasks (owner, created_millis, task_id);
CREATE INDEX tasks_expires ON ${schema}.tasks (expires_millis);
