-- Local accounts: the password as an Argon2id hash (PHC string), the admin flag, and the counters of
-- failed sign-ins that slow down and lock out guessing.
CREATE TABLE account (
    name            VARCHAR(64) PRIMARY KEY,
    password_hash   VARCHAR(300),
    admin           BOOLEAN NOT NULL DEFAULT FALSE,
    disabled        BOOLEAN NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    subject         VARCHAR(300) UNIQUE,
    email           VARCHAR(300),
    failed_attempts INT NOT NULL DEFAULT 0,
    last_failed_at  TIMESTAMP WITH TIME ZONE,
    locked_until    TIMESTAMP WITH TIME ZONE
);

-- Who belongs to which case, in which role (lead, auditor, writer, reader).
CREATE TABLE membership (
    case_id   VARCHAR(100) NOT NULL,
    user_name VARCHAR(64) NOT NULL REFERENCES account(name),
    role      VARCHAR(20) NOT NULL,
    added_by  VARCHAR(64) NOT NULL,
    added_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (case_id, user_name)
);
CREATE INDEX membership_user ON membership(user_name);
