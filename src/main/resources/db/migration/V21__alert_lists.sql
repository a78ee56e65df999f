-- A run's lists of programs stored once (docs/performance.md, "E-mail alerts at 1,000,000 subscriptions"): a day's
-- 900,000 mails list fewer than a thousand distinct lists, which every mail row used to carry as text. A mail now
-- names its list by number within its run, and is keyed by (run, subscription), which it was unique on anyway:
-- no identity sequence and one index fewer to write per mail.
CREATE TABLE alert_list (
    run_id       BIGINT        NOT NULL REFERENCES alert_run (id) ON DELETE CASCADE,
    list_no      BIGINT        NOT NULL,
    program_ids  VARCHAR(1000) NOT NULL,
    matched      INTEGER       NOT NULL,
    PRIMARY KEY (run_id, list_no)
);

CREATE TABLE alert_mail (
    run_id           BIGINT      NOT NULL REFERENCES alert_run (id) ON DELETE CASCADE,
    subscription_id  BIGINT      NOT NULL REFERENCES alert_subscription (id) ON DELETE CASCADE,
    list_no          BIGINT      NOT NULL,
    state            VARCHAR(10) NOT NULL,
    attempts         INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMP WITH TIME ZONE,
    sent_at          TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (run_id, subscription_id),
    CONSTRAINT alert_mail_state CHECK (state IN ('PENDING', 'SENDING', 'SENT', 'FAILED'))
);

-- The mails recorded before: each keeps its own list, numbered by the mail's old id (copied as they are, no sort; a
-- run still matching forgets its lists and mails and numbers its lists from 1 when it matches again).
INSERT INTO alert_list (run_id, list_no, program_ids, matched)
SELECT run_id, id, program_ids, matched FROM alert_delivery;
INSERT INTO alert_mail (run_id, subscription_id, list_no, state, attempts, next_attempt_at, sent_at)
SELECT run_id, subscription_id, id, state, attempts, next_attempt_at, sent_at FROM alert_delivery;

DROP TABLE alert_delivery;

-- The next mails of a run to send, in order; a subscription's mails (deleted with it).
CREATE INDEX alert_mail_due_idx ON alert_mail (run_id, state, subscription_id);
CREATE INDEX alert_mail_subscription_idx ON alert_mail (subscription_id);
