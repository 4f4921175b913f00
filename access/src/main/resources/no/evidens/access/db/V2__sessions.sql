-- Sign-in sessions, so that a restart of the server does not sign everyone out. Only the SHA-256 of
-- the session id (the cookie's value) is kept, never the id itself: a copy of the database does not
-- let anyone into a session. A session ends at expires_at (moved on while it is used, never past the
-- absolute limit set at sign-in), at sign-out, and when its user gets a new password or is disabled.
CREATE TABLE sign_in_session (
    id_hash    VARCHAR(64) PRIMARY KEY,
    user_name  VARCHAR(64) NOT NULL REFERENCES account(name) ON DELETE CASCADE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sign_in_session_user ON sign_in_session(user_name);
