-- Retention per contract (docs/ledger.md, "Retention"): once a range of the ledger is exported to
-- a signed archive, the entries of a contract older than its retention lose their personal data
-- (the record keys) in the database. They keep their place in the chain, their hash, their counts,
-- positions, purpose and legal basis; the archive keeps them whole and verifies offline.

-- Every export, as the platform wrote it. Append-only like the rest of the ledger.
CREATE TABLE ledger_archive (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    from_seq     BIGINT      NOT NULL,
    to_seq       BIGINT      NOT NULL,
    last_hash    TEXT        NOT NULL,
    exported_at  TIMESTAMPTZ NOT NULL,
    exported_by  TEXT        NOT NULL,
    CHECK (to_seq >= from_seq)
);
CREATE INDEX ledger_archive_range ON ledger_archive (from_seq, to_seq);

CREATE TRIGGER ledger_archive_append_only BEFORE UPDATE OR DELETE ON ledger_archive
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_archive_no_truncate BEFORE TRUNCATE ON ledger_archive
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();

ALTER TABLE exchange_log ADD COLUMN redacted_at TIMESTAMPTZ;

-- The updates allowed: chaining a row written before V10 (as before), and redacting an entry
-- that an archive covers: its keys removed and the time of that set, nothing else changed.
CREATE OR REPLACE FUNCTION exchange_log_chain_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.entry_hash IS NULL AND OLD.seq IS NULL AND NEW.entry_hash IS NOT NULL
       AND (to_jsonb(NEW) - 'seq' - 'prev_hash' - 'entry_hash')
         = (to_jsonb(OLD) - 'seq' - 'prev_hash' - 'entry_hash') THEN
        RETURN NEW;
    END IF;
    IF OLD.redacted_at IS NULL AND NEW.redacted_at IS NOT NULL AND cardinality(NEW.record_keys) = 0
       AND (to_jsonb(NEW) - 'record_keys' - 'redacted_at')
         = (to_jsonb(OLD) - 'record_keys' - 'redacted_at')
       AND EXISTS (SELECT 1 FROM ledger_archive a WHERE OLD.seq BETWEEN a.from_seq AND a.to_seq)
    THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the exchange ledger is append-only: UPDATE on exchange_log is refused'
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Entries are never changed; only an archived entry''s keys can be redacted.';
END
$$;

-- Key rows may go only with their entry's keys: once the entry is redacted.
CREATE FUNCTION ledger_key_redacted_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND EXISTS (
        SELECT 1 FROM exchange_log e WHERE e.id = OLD.entry_id AND e.redacted_at IS NOT NULL) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'the exchange ledger is append-only: % on ledger_key is refused', TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'A key row goes only when its entry is redacted after archiving.';
END
$$;
DROP TRIGGER ledger_key_append_only ON ledger_key;
CREATE TRIGGER ledger_key_append_only BEFORE UPDATE OR DELETE ON ledger_key
    FOR EACH ROW EXECUTE FUNCTION ledger_key_redacted_only();

-- Redacting needs these rights; the triggers above still allow nothing else. Given to the role
-- running this migration and to every role that appends to the ledger (the platform's role in
-- the separate-owner setup of docs/ledger.md).
DO $$
DECLARE
    g record;
BEGIN
    FOR g IN
        SELECT DISTINCT grantee
        FROM information_schema.role_table_grants
        WHERE table_schema = current_schema()
          AND table_name = 'exchange_log'
          AND privilege_type = 'INSERT'
          AND grantee <> 'PUBLIC'
        UNION
        SELECT current_user
    LOOP
        EXECUTE format('GRANT UPDATE (record_keys, redacted_at) ON exchange_log TO %I', g.grantee);
        EXECUTE format('GRANT DELETE ON ledger_key TO %I', g.grantee);
    END LOOP;
END
$$;
