-- Each finding has a place in its case's report (1 = first): the report writer's order, set by moving a finding
-- (evidens finding order, the findings page's buttons). The findings of an older store keep the order they had:
-- avvik, then merknad, then observasjon, each by number.

ALTER TABLE finding ADD COLUMN IF NOT EXISTS position INT DEFAULT 0 NOT NULL;

UPDATE finding f SET position = (SELECT COUNT(*) FROM finding g WHERE g.case_id = f.case_id
    AND (CASE g.kind WHEN 'avvik' THEN 1 WHEN 'merknad' THEN 2 ELSE 3 END < CASE f.kind WHEN 'avvik' THEN 1 WHEN 'merknad' THEN 2 ELSE 3 END
         OR (g.kind = f.kind AND g.number <= f.number)));
