-- Long polling of bot updates by exactly one replica: whoever holds this lease polls, and the offset of the next
-- update moves in the same transaction that applies an update, so none is applied twice or skipped.
CREATE TABLE bot_update_lease (
    id          INTEGER PRIMARY KEY,
    holder      VARCHAR(200),
    lease_until TIMESTAMP WITH TIME ZONE,
    next_offset BIGINT NOT NULL
);
INSERT INTO bot_update_lease (id, holder, lease_until, next_offset) VALUES (1, NULL, NULL, 0);
