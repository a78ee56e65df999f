-- Issue 29: the re-confirmation cycle. assured_on is the day a program's content was last known to be true: its
-- 最終確認日 (confirmed_on) once the office approved it or its maintainers confirmed it unchanged; before that, the
-- as-of date of the source it was taken from (the seed: 2025-03-04), else the day it was created. A program whose
-- assured_on is 12 months old is 要再確認; after 15 months its pages say since when it has not been confirmed.
-- confirmed_on stays what it was (the seed has none: the office never confirmed it).
ALTER TABLE program ADD COLUMN assured_on DATE DEFAULT CURRENT_DATE NOT NULL;
UPDATE program SET assured_on = COALESCE(confirmed_on,
    (SELECT s.as_of FROM source_document s WHERE s.id = program.source_document_id), CAST(created_at AS DATE));
-- The cycle's and the overview's reads: published programs by how long ago they were confirmed.
CREATE INDEX program_assured_idx ON program (status, assured_on, id);

-- The re-confirmation queue: one row per program its maintainers are (to be) asked about — 要再確認 (its assured_on
-- is 12 months old) or a link the link checker found broken twice in a row (broken_link). asked_on: when they were
-- asked (null: flagged by the link check, to be asked at the cycle's next look); reminded_on: the reminder a month
-- later; escalated_on: the office told a month after that. due_since is the assured_on the row was made for: a row
-- whose program was confirmed since (a newer assured_on) is over and removed, as is a link row once its links work.
-- Deleting the program removes its row.
CREATE TABLE reconfirmation (
    program_id    BIGINT   NOT NULL PRIMARY KEY REFERENCES program (id) ON DELETE CASCADE,
    due_since     DATE     NOT NULL,
    broken_link   BOOLEAN  DEFAULT FALSE NOT NULL,
    asked_on      DATE,
    reminded_on   DATE,
    escalated_on  DATE
);
CREATE INDEX reconfirmation_asked_idx ON reconfirmation (asked_on, program_id);
CREATE INDEX reconfirmation_reminded_idx ON reconfirmation (reminded_on, program_id);

-- 「変更なしで確認」 is recorded in the program's history as a confirmation (a comment row), not as a new version.
ALTER TABLE review_comment DROP CONSTRAINT review_comment_action;
ALTER TABLE review_comment ADD CONSTRAINT review_comment_action
    CHECK (action IN ('SUBMIT', 'RETURN', 'APPROVE', 'WITHDRAW', 'CONFIRM'));
