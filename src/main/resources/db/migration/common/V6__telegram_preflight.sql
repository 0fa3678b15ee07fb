-- What preflight last found for each Telegram target, and whether sending to it is suspended.
ALTER TABLE telegram_target ADD COLUMN chat_type VARCHAR(16);
ALTER TABLE telegram_target ADD COLUMN chat_title VARCHAR(256);
ALTER TABLE telegram_target ADD COLUMN preflight_status VARCHAR(24) DEFAULT 'NOT_CHECKED' NOT NULL;
ALTER TABLE telegram_target ADD COLUMN preflight_detail VARCHAR(500);
ALTER TABLE telegram_target ADD COLUMN preflight_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE telegram_target ADD COLUMN suspended BOOLEAN DEFAULT FALSE NOT NULL;
