-- Issue 29, unmet needs without tracking anyone (module needs; docs/security.md): per day in Japan, how often a
-- /programs search with text found nothing (kind 'search', item: the normalised text, at most 100 characters; texts
-- that look like personal data are never written), how often a checker answer with a hometown found no 該当 (kind
-- 'checker', item: the hometown's prefecture code), and how many such searches were not kept, by reason (kind
-- 'not-kept', item 'personal', 'memory' or 'day-limit'). No IP address, session, user agent, language or time of day.
-- Every instance adds its counts to these rows about once a minute; rows older than catalogue.needs.kept-for (90 days)
-- are deleted. At most catalogue.needs.texts-per-day (1,000) 'search' rows a day.
CREATE TABLE unmet_need (
    counted_on  DATE          NOT NULL,
    kind        VARCHAR(10)   NOT NULL,
    item        VARCHAR(100)  NOT NULL,
    n           BIGINT        NOT NULL,
    PRIMARY KEY (counted_on, kind, item),
    CONSTRAINT unmet_need_kind CHECK (kind IN ('search', 'checker', 'not-kept')),
    CONSTRAINT unmet_need_n CHECK (n > 0)
);
-- The reads of the kept period by kind: the few 'checker' and 'not-kept' rows without reading the 'search' ones.
CREATE INDEX unmet_need_kind_idx ON unmet_need (kind, counted_on);
