-- The trigger class moved from no.evidens.index.findings to no.evidens.findings (the findings module).
-- Stores made before the move name the old class, which no longer exists: H2 opens them, but the
-- trigger could not fire. Name the class it has now (a store made after the move gets the same).
DROP TRIGGER IF EXISTS history_append_only;

CREATE TRIGGER history_append_only BEFORE UPDATE, DELETE ON history
    FOR EACH ROW CALL 'no.evidens.findings.AppendOnlyTrigger';
