-- A ledger row's run belongs to its channel (a notice run for Telegram, a campaign run for SMS): the key to notice_run
-- that the first ledger had goes. The column is made again rather than the key dropped by name, because H2 named the
-- key itself when V7 created the table.
ALTER TABLE delivery ADD COLUMN channel_run_id BIGINT;
UPDATE delivery SET channel_run_id = run_id;
ALTER TABLE delivery DROP CONSTRAINT delivery_recipient_part;
ALTER TABLE delivery DROP COLUMN run_id;
ALTER TABLE delivery RENAME COLUMN channel_run_id TO run_id;
ALTER TABLE delivery ALTER COLUMN run_id SET NOT NULL;
ALTER TABLE delivery ADD CONSTRAINT delivery_recipient_part UNIQUE (channel, run_id, recipient_key, part);
