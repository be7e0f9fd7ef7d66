-- The exchange log becomes a tamper-evident ledger (docs/ledger.md):
--  * every entry is chained: seq (1, 2, 3, ... no gaps), the previous entry's hash, its own hash
--    (SHA-256 of its canonical form, computed by the platform);
--  * ledger_head is the chain's one serialization point, locked by each append;
--  * ledger_key indexes every entry by record key, for the data-subject trail;
--  * ledger_checkpoint holds signed statements "entry N had hash H";
--  * nothing in the ledger can be updated, deleted or truncated: triggers refuse it, whoever asks.

ALTER TABLE exchange_log
    ADD COLUMN seq              BIGINT,
    ADD COLUMN prev_hash        TEXT,
    ADD COLUMN entry_hash       TEXT,
    -- Filled once routes know them; hashed as null until then.
    ADD COLUMN contract_version INTEGER,
    ADD COLUMN purpose          TEXT,
    ADD COLUMN legal_basis      TEXT;

-- Rows written before this migration are chained by the platform when it starts (in id order);
-- every row written from now on must arrive chained.
ALTER TABLE exchange_log ADD CONSTRAINT exchange_log_chained
    CHECK (seq IS NOT NULL AND prev_hash IS NOT NULL AND entry_hash IS NOT NULL) NOT VALID;

CREATE UNIQUE INDEX exchange_log_seq ON exchange_log (seq);
-- Tells a moved entry from a changed one when verification finds a broken link.
CREATE INDEX exchange_log_entry_hash ON exchange_log (entry_hash);
CREATE INDEX exchange_log_agency ON exchange_log (agency, at);
CREATE INDEX exchange_log_contract ON exchange_log (contract, at);

CREATE TABLE ledger_head (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    seq         BIGINT NOT NULL,
    entry_hash  TEXT NOT NULL,
    entry_id    BIGINT
);
INSERT INTO ledger_head (id, seq, entry_hash) VALUES (1, 0, repeat('0', 64));

-- One row per distinct key of an entry. No foreign key: verification checks these rows against
-- the keys each entry holds (and its hash covers), and an append stays one index insert per key.
CREATE TABLE ledger_key (
    entry_id    BIGINT NOT NULL,
    record_key  TEXT NOT NULL,
    PRIMARY KEY (entry_id, record_key)
);
-- The subject trail: all entries of one person, from the index alone.
CREATE INDEX ledger_key_record ON ledger_key (record_key, entry_id);

INSERT INTO ledger_key (entry_id, record_key)
SELECT DISTINCT e.id, k
FROM exchange_log e, unnest(e.record_keys) AS k
WHERE k IS NOT NULL;

CREATE TABLE ledger_checkpoint (
    seq         BIGINT PRIMARY KEY,
    entry_hash  TEXT NOT NULL,
    signed_at   TIMESTAMPTZ NOT NULL,
    algorithm   TEXT NOT NULL,
    key_id      TEXT NOT NULL,
    signature   TEXT NOT NULL
);

CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the exchange ledger is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Entries are never changed or removed; see docs/ledger.md.';
END
$$;

-- The one update allowed: chaining a row written before this migration, which sets its chain
-- columns once and changes nothing else.
CREATE FUNCTION exchange_log_chain_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.entry_hash IS NULL AND OLD.seq IS NULL AND NEW.entry_hash IS NOT NULL
       AND (to_jsonb(NEW) - 'seq' - 'prev_hash' - 'entry_hash')
         = (to_jsonb(OLD) - 'seq' - 'prev_hash' - 'entry_hash') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the exchange ledger is append-only: UPDATE on exchange_log is refused'
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Entries are never changed or removed; see docs/ledger.md.';
END
$$;

CREATE TRIGGER exchange_log_append_only BEFORE UPDATE ON exchange_log
    FOR EACH ROW EXECUTE FUNCTION exchange_log_chain_once();
CREATE TRIGGER exchange_log_no_delete BEFORE DELETE ON exchange_log
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER exchange_log_no_truncate BEFORE TRUNCATE ON exchange_log
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();

CREATE TRIGGER ledger_key_append_only BEFORE UPDATE OR DELETE ON ledger_key
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_key_no_truncate BEFORE TRUNCATE ON ledger_key
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();

CREATE TRIGGER ledger_checkpoint_append_only BEFORE UPDATE OR DELETE ON ledger_checkpoint
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_checkpoint_no_truncate BEFORE TRUNCATE ON ledger_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();

CREATE TRIGGER ledger_head_kept BEFORE DELETE ON ledger_head
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_head_no_truncate BEFORE TRUNCATE ON ledger_head
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();

-- Privileges, as far as the role model allows: no role keeps UPDATE, DELETE or TRUNCATE on the
-- ledger tables, whether it got them by a GRANT or by default privileges (the platform's role in
-- the separate-owner setup of docs/ledger.md), nor does the owner running this migration. An
-- owner could grant them back to itself, as it could drop the triggers: the real barrier is a
-- separate owner role. A superuser ignores privileges altogether. Column UPDATE of the chain
-- columns stays where UPDATE was: chaining rows written before this migration needs it, and the
-- trigger allows nothing more.
REVOKE UPDATE, DELETE, TRUNCATE ON exchange_log, ledger_key, ledger_checkpoint FROM PUBLIC;
DO $$
DECLARE
    g record;
BEGIN
    FOR g IN
        SELECT DISTINCT grantee, table_name
        FROM information_schema.role_table_grants
        WHERE table_schema = current_schema()
          AND table_name IN ('exchange_log', 'ledger_key', 'ledger_checkpoint')
          AND privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE')
          AND grantee <> 'PUBLIC'
        UNION
        SELECT current_user, 'exchange_log'
    LOOP
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %I FROM %I', g.table_name, g.grantee);
        IF g.table_name = 'exchange_log' THEN
            EXECUTE format('GRANT UPDATE (seq, prev_hash, entry_hash) ON exchange_log TO %I',
                           g.grantee);
        END IF;
    END LOOP;
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON ledger_key, ledger_checkpoint FROM %I',
                   current_user);
END
$$;
