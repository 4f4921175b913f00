-- A quotation is chosen for one group's summary report: a case in two groups has its choices per group
-- (V7 kept one mark per quotation, so choosing it for one group marked it in every group of its case).
-- Each earlier choice is carried into every group its case belongs to; a choice of a case in no group
-- was in no report and is not carried (the audit trail keeps who chose it, and when).

CREATE TABLE IF NOT EXISTS group_choice (
    group_id    VARCHAR(200)  NOT NULL REFERENCES case_group (id) ON DELETE CASCADE,
    evidence_id BIGINT        NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
    chosen_by   VARCHAR(200)  NOT NULL,
    chosen_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (group_id, evidence_id)
);

INSERT INTO group_choice (group_id, evidence_id, chosen_by, chosen_at)
    SELECT g.group_id, r.evidence_id, r.chosen_by, r.chosen_at FROM report_choice r
    JOIN evidence e ON e.id = r.evidence_id
    JOIN finding f ON f.id = e.finding_id
    JOIN group_case g ON g.case_id = f.case_id;

DROP TABLE report_choice;
