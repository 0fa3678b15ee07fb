-- Before a run sends anything its targets are checked again (getChat, getChatMember); one replica does it, holding
-- the run for a while. Runs queued before this migration count as checked.
ALTER TABLE notice_run ADD COLUMN preflighted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE notice_run ADD COLUMN preflight_claimed_until TIMESTAMP WITH TIME ZONE;
UPDATE notice_run SET preflighted_at = fired_at;
