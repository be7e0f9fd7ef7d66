-- Administrative actions on flows (registered, changed, paused, resumed, restarted, deleted,
-- offsets moved) are ledger entries too: who made the data move sits in the same chain as what
-- moved. Only the kind check widens; existing entries and their hashes are untouched.
ALTER TABLE exchange_log DROP CONSTRAINT exchange_log_kind_check;
ALTER TABLE exchange_log ADD CONSTRAINT exchange_log_kind_check
    CHECK (kind IN ('INGESTED', 'REJECTED', 'DELIVERED', 'RESUBMITTED', 'ADMINISTERED'));
