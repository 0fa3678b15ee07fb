-- Officer console sessions, kept on the server so that logout, an idle or absolute timeout, or a removed user ends
-- them at once on every replica. The browser holds only a random token; the table holds its SHA-256.
CREATE TABLE console_session (
    token_hash   VARCHAR(64) PRIMARY KEY,
    username     VARCHAR(64) NOT NULL,
    csrf_token   VARCHAR(64) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX console_session_username ON console_session (username);
