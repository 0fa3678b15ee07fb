-- The text messages phones sent to the force's GOV.UK Notify number that were already acted on (a STOP suppresses its
-- number), by Notify's id only: nothing of the message or the number. The poll and the callback each act on a message
-- once, whichever comes first; kept as long as Notify keeps received messages (7 days) and a day more.
CREATE TABLE notify_received_text (
    id          VARCHAR(36) PRIMARY KEY,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX notify_received_text_received ON notify_received_text (received_at);
