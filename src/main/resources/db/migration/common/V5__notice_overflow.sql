-- What to do with a notice text longer than Telegram allows: refuse it, or split it into several messages.
ALTER TABLE notice ADD COLUMN overflow VARCHAR(16) DEFAULT 'REFUSE' NOT NULL;
