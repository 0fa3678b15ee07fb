-- The claim takes a channel's waiting rows in id order. Indexing only the waiting rows keeps each claim's cost to the
-- rows it may take, however many of a long campaign were sent before them (a claim over the primary key walked every
-- sent row first: 70,000 victims made the last claims the slowest).
CREATE INDEX delivery_waiting_idx ON delivery (channel, id) WHERE status IN ('PENDING', 'RETRY_AT');
