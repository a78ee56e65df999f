-- What each step of the change marker changed, so every instance's search index can update only those programs.
-- program_id NULL: a change that concerns many programs (category or place names, bulk generation): rebuild all.
-- Rows are pruned to the most recent ones; an instance further behind rebuilds its index completely.
CREATE TABLE catalogue_change (
    counter     BIGINT  NOT NULL PRIMARY KEY,
    program_id  BIGINT,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
