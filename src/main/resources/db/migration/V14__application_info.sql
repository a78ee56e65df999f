-- Issue 20: how to apply and whom to ask. The source has none of these facts: every seeded program keeps them
-- empty (shown as 未登録) until staff fill them in.
ALTER TABLE program ADD COLUMN apply_method VARCHAR(4000);
ALTER TABLE program ADD COLUMN apply_url VARCHAR(2000);
ALTER TABLE program ADD COLUMN contact_department VARCHAR(200);
ALTER TABLE program ADD COLUMN contact_phone VARCHAR(40);
ALTER TABLE program ADD COLUMN contact_email VARCHAR(254);
ALTER TABLE program ADD COLUMN contact_url VARCHAR(2000);
ALTER TABLE program ADD COLUMN cost_kind VARCHAR(10);
ALTER TABLE program ADD COLUMN cost_amount INTEGER;
ALTER TABLE program ADD COLUMN cost_text VARCHAR(500);
ALTER TABLE program ADD CONSTRAINT program_cost_kind CHECK (cost_kind IN ('FREE', 'AMOUNT', 'TEXT'));

CREATE TABLE program_required_document (
    program_id  BIGINT        NOT NULL REFERENCES program (id) ON DELETE CASCADE,
    position    INTEGER       NOT NULL,
    text        VARCHAR(500)  NOT NULL,
    PRIMARY KEY (program_id, position)
);
