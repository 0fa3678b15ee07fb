-- The claim takes a channel's waiting rows in id order (PostgreSQL indexes only the waiting rows; H2 has no partial
-- index, so the status leads).
CREATE INDEX delivery_waiting_idx ON delivery (channel, status, id);
