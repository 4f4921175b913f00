-- Saved searches per case (lagrede søk): the query and its filters, with how many passages it found when
-- saved; and the language a case's exports speak (Bokmål or Nynorsk).

CREATE TABLE IF NOT EXISTS saved_search (
    id          BIGINT        AUTO_INCREMENT PRIMARY KEY,
    case_id     VARCHAR(200)  NOT NULL,
    name        VARCHAR(200)  NOT NULL,
    query       VARCHAR(4000) NOT NULL,
    filters     VARCHAR(4000) NOT NULL,
    hits_saved  BIGINT        NOT NULL,
    saved_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    saved_by    VARCHAR(200)  NOT NULL,
    CONSTRAINT saved_search_name UNIQUE (case_id, name)
);

CREATE TABLE IF NOT EXISTS case_language (
    case_id     VARCHAR(200)  PRIMARY KEY,
    language    VARCHAR(8)    NOT NULL,
    set_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    set_by      VARCHAR(200)  NOT NULL
);
