-- Issue 20: when a program runs and when it takes applications, and from when to when a target group's rules apply.
-- The source states none of these (only start months such as 「2024年2月～」): seeded programs keep them empty.

-- The program's end, month precision like its start (end_month NULL: the end of end_year).
ALTER TABLE program ADD COLUMN end_year INTEGER;
ALTER TABLE program ADD COLUMN end_month INTEGER;
ALTER TABLE program ADD CONSTRAINT program_end_month_range CHECK (end_month IS NULL OR (end_month BETWEEN 1 AND 12));

-- 受付期間: from starts_on to ends_on inclusive; yearly: again every year on the same days from that year on.
CREATE TABLE program_application_period (
    program_id  BIGINT   NOT NULL REFERENCES program (id) ON DELETE CASCADE,
    position    INTEGER  NOT NULL,
    starts_on   DATE     NOT NULL,
    ends_on     DATE     NOT NULL,
    yearly      BOOLEAN  NOT NULL,
    PRIMARY KEY (program_id, position),
    CONSTRAINT application_period_order CHECK (ends_on >= starts_on)
);

-- A target group's rules apply from valid_from to valid_to inclusive (either open).
ALTER TABLE target_group ADD COLUMN valid_from DATE;
ALTER TABLE target_group ADD COLUMN valid_to DATE;
