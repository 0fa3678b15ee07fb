-- Scheduled reads: each watched target's own interval (absent: the configured default) and when its next read is due.
ALTER TABLE watch_target ADD COLUMN read_every_seconds INTEGER;
ALTER TABLE watch_target ADD COLUMN next_read_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX watch_target_due ON watch_target (next_read_at);
-- Channels watched before schedules existed are due now; each claim then moves them apart by the read jitter.
UPDATE watch_target SET next_read_at = CURRENT_TIMESTAMP WHERE kind = 'TELEGRAM_CHANNEL';
