-- Connectors and subscriptions registered through the API. The definition is kept as the
-- agency sent it (secrets as references to an environment variable or a file, never resolved
-- values), so it can
-- be exported and re-registered unchanged.
CREATE TABLE flow_definition (
    id          TEXT PRIMARY KEY,
    type        TEXT NOT NULL CHECK (type IN ('CONNECTOR', 'SUBSCRIPTION')),
    definition  JSONB NOT NULL,
    paused      BOOLEAN NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
