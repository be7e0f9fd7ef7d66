-- Grant requests and the decisions on them (issue #5). A subscription delivers only under its
-- APPROVED grant, within the grant's period. Every request and decision is also an entry of the
-- exchange ledger, which is the tamper-evident record; this table is the working state.
CREATE TABLE grant_request (
    id            TEXT PRIMARY KEY,
    seq           INTEGER     NOT NULL,
    subscription  TEXT        NOT NULL,
    agency        TEXT        NOT NULL,
    owner         TEXT        NOT NULL,
    contract      TEXT        NOT NULL,
    requested     TEXT        NOT NULL,
    granted       TEXT,
    status        TEXT        NOT NULL CHECK (status IN
                    ('PENDING', 'APPROVED', 'REJECTED', 'REVOKED', 'SUPERSEDED', 'WITHDRAWN')),
    requested_by  TEXT        NOT NULL,
    requested_at  TIMESTAMPTZ NOT NULL,
    decided_by    TEXT,
    decided_at    TIMESTAMPTZ,
    reason        TEXT,
    revoked_by    TEXT,
    revoked_at    TIMESTAMPTZ,
    UNIQUE (subscription, seq)
);

CREATE INDEX grant_request_owner ON grant_request (owner, status);
CREATE INDEX grant_request_agency ON grant_request (agency, status);
