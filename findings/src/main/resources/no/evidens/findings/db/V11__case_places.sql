-- One row per case whose findings' places were changed. Whatever changes the places of a case's findings (a finding
-- created, moved, deleted or imported) locks the case's row here first, so two writers of one case at the same moment
-- (two web requests, each on its own connection) take their places one after the other, never the same one.

CREATE TABLE IF NOT EXISTS case_places (
    case_id     VARCHAR(200)  PRIMARY KEY
);

-- Findings created at the same moment before this lock may share a place: each case's places numbered 1 to n again, in
-- the order they have (a place shared taken in the order the findings were made). A store without such a pair keeps
-- its places as they are.
UPDATE finding f SET position = (SELECT COUNT(*) FROM finding g WHERE g.case_id = f.case_id
    AND (g.position < f.position OR (g.position = f.position AND g.id <= f.id)));
