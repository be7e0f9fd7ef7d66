-- Operational records per batch (issue #6, part 4): timings, sizes, success or fault. Not part of
-- the ledger's chain: no personal data, kept for truc.operations.retention, then deleted.
CREATE TABLE exchange_operation (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at           TIMESTAMPTZ NOT NULL,
    route        TEXT        NOT NULL,
    flow         TEXT        NOT NULL,
    contract     TEXT,
    duration_us  BIGINT      NOT NULL,
    records      INTEGER     NOT NULL,
    rejected     INTEGER     NOT NULL,
    bytes        BIGINT      NOT NULL,
    fault        TEXT
);

CREATE INDEX exchange_operation_at ON exchange_operation (at);
CREATE INDEX exchange_operation_flow ON exchange_operation (flow, at);
