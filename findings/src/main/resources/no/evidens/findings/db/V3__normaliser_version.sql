-- The version of the text normalisation a quotation's offsets were taken under (null: before it was recorded).
ALTER TABLE evidence ADD COLUMN IF NOT EXISTS normaliser_version VARCHAR(40);
