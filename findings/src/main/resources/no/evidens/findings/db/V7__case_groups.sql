-- Groups of cases audited together (a nationwide audit): each case with the municipality (kommune) and
-- county (fylke) it belongs to; and the quotations a report writer chose for the group's summary report.

CREATE TABLE IF NOT EXISTS case_group (
    id          VARCHAR(200)  PRIMARY KEY,
    title       VARCHAR(4000) NOT NULL,
    created_by  VARCHAR(200)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE IF NOT EXISTS group_case (
    group_id     VARCHAR(200)  NOT NULL REFERENCES case_group (id) ON DELETE CASCADE,
    case_id      VARCHAR(200)  NOT NULL,
    municipality VARCHAR(400)  NOT NULL,
    county       VARCHAR(400)  NOT NULL,
    added_by     VARCHAR(200)  NOT NULL,
    added_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (group_id, case_id)
);

CREATE TABLE IF NOT EXISTS report_choice (
    evidence_id BIGINT        PRIMARY KEY REFERENCES evidence (id) ON DELETE CASCADE,
    chosen_by   VARCHAR(200)  NOT NULL,
    chosen_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
