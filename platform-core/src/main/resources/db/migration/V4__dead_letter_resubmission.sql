-- Re-submissions of dead-letter entries: the last outcome per entry, so the API shows which
-- entries are resolved and an entry already published is not re-submitted again unless forced.
-- The entry itself stays on its Kafka topic; only its coordinates, the key it was published
-- under and the reasons of a refusal are kept here.
CREATE TABLE dead_letter_resubmission (
    topic              TEXT NOT NULL,
    kafka_partition    INTEGER NOT NULL,
    kafka_offset       BIGINT NOT NULL,
    flow_id            TEXT NOT NULL,
    outcome            TEXT NOT NULL CHECK (outcome IN ('RESUBMITTED', 'REJECTED')),
    attempts           INTEGER NOT NULL CHECK (attempts > 0),
    record_key         TEXT,
    corrected_columns  TEXT[] NOT NULL,
    errors             JSONB,
    at                 TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (topic, kafka_partition, kafka_offset)
);

-- A re-submitted record is logged as its own kind of exchange.
ALTER TABLE exchange_log DROP CONSTRAINT exchange_log_kind_check;
ALTER TABLE exchange_log ADD CONSTRAINT exchange_log_kind_check
    CHECK (kind IN ('INGESTED', 'REJECTED', 'DELIVERED', 'RESUBMITTED'));
