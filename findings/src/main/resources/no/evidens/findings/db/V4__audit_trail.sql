-- The audit trail: who did what to which case, file, passage, finding or export, and when.
-- Append-only (the trigger refuses updates and deletes) and chained: each entry carries the hash of the
-- entry before it and its own, so a row changed afterwards no longer matches. audit_head holds the last
-- entry's id and hash; appenders lock its one row, so entries are numbered and chained one at a time.

CREATE TABLE IF NOT EXISTS audit_entry (
    id          BIGINT        PRIMARY KEY,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR(200)  NOT NULL,
    action      VARCHAR(60)   NOT NULL,
    case_id     VARCHAR(200),
    target_kind VARCHAR(40),
    target      VARCHAR(4000),
    detail      VARCHAR(4000),
    prev_hash   CHAR(64)      NOT NULL,
    hash        CHAR(64)      NOT NULL
);

CREATE INDEX IF NOT EXISTS audit_entry_case ON audit_entry (case_id, id);

CREATE TABLE IF NOT EXISTS audit_head (
    id          INT           PRIMARY KEY CHECK (id = 1),
    last_id     BIGINT        NOT NULL,
    last_hash   CHAR(64)      NOT NULL
);

MERGE INTO audit_head (id, last_id, last_hash) KEY (id)
    VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TRIGGER IF NOT EXISTS audit_entry_append_only BEFORE UPDATE, DELETE ON audit_entry
    FOR EACH ROW CALL 'no.evidens.findings.AppendOnlyTrigger';
