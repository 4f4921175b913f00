-- Each finding counts its changes: a change names the version it was made on, and a stale one is refused.
ALTER TABLE finding ADD COLUMN IF NOT EXISTS version INT DEFAULT 1 NOT NULL;
