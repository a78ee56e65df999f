-- This database's identity (a random UUID, written by the app the first time it is needed): a search index kept on
-- disk records it, and is only caught up from the database it was read from (docs/architecture.md).
ALTER TABLE change_marker ADD COLUMN database_id VARCHAR(36);
