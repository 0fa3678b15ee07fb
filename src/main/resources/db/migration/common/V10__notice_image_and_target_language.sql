-- A target may name the language its readers get (a notice falls back to its default language when it has no text
-- in it). A notice may carry one image, sent as a photo with the first part as its caption. Images are stored once
-- by content digest, so a queued row keeps pointing at the exact bytes it was rendered with even after the notice's
-- image is replaced; Telegram's file_id for the bytes is remembered after the first upload. A claimed row records
-- when its request left (claims are made a little ahead of sending), so a claim abandoned before that is queued
-- again instead of being declared UNKNOWN.
ALTER TABLE telegram_target ADD COLUMN language VARCHAR(35);

CREATE TABLE notice_image (
    sha256           VARCHAR(64) PRIMARY KEY,
    content_type     VARCHAR(32) NOT NULL,
    bytes            BYTEA NOT NULL,
    width            INTEGER NOT NULL,
    height           INTEGER NOT NULL,
    telegram_file_id VARCHAR(255),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

ALTER TABLE notice ADD COLUMN image_sha256 VARCHAR(64) REFERENCES notice_image (sha256);
ALTER TABLE delivery ADD COLUMN photo_sha256 VARCHAR(64) REFERENCES notice_image (sha256);

ALTER TABLE delivery ADD COLUMN started_at TIMESTAMP WITH TIME ZONE;
