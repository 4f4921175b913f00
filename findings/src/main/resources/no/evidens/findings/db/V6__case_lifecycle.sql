-- Closing a case (read-only from then on) and deleting its journals and client records when their time
-- is up: the case's state, and each deleted source, so that verify says "source deleted", not "changed".

CREATE TABLE IF NOT EXISTS case_state (
    case_id     VARCHAR(200)  PRIMARY KEY,
    closed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_by   VARCHAR(200)  NOT NULL
);

CREATE TABLE IF NOT EXISTS deleted_source (
    case_id     VARCHAR(200)  NOT NULL,
    doc_id      VARCHAR(200)  NOT NULL,
    file        VARCHAR(4000) NOT NULL,
    type        VARCHAR(100)  NOT NULL,
    sha256      CHAR(64)      NOT NULL,
    deleted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_by  VARCHAR(200)  NOT NULL,
    PRIMARY KEY (case_id, doc_id)
);
