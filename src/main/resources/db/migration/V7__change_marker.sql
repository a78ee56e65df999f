-- One counter that every change of public content increments in the same transaction. Each app instance
-- compares it with the value its search index was built from and rebuilds when it moved (see docs/architecture.md).
CREATE TABLE change_marker (
    id       INTEGER NOT NULL PRIMARY KEY,
    counter  BIGINT  NOT NULL
);
INSERT INTO change_marker (id, counter) VALUES (1, 1);
