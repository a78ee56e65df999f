-- Issue 20, link checks: the result of the last check of each URL a program gives (official site, application,
-- contact), one row per program and kind, written by the scheduled link check (module linkcheck). A row is replaced
-- at every check of its URL and removed when the program no longer gives that URL; deleting the program removes it.
CREATE TABLE link_check (
    program_id       BIGINT        NOT NULL REFERENCES program (id) ON DELETE CASCADE,
    kind             VARCHAR(10)   NOT NULL,
    url              VARCHAR(2000) NOT NULL,
    outcome          VARCHAR(20)   NOT NULL,
    http_status      INTEGER,
    checked_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    first_failed_at  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (program_id, kind),
    CONSTRAINT link_check_kind CHECK (kind IN ('OFFICIAL', 'APPLY', 'CONTACT')),
    CONSTRAINT link_check_outcome CHECK (outcome IN ('OK', 'BROKEN', 'REDIRECT_LOOP', 'TIMEOUT', 'UNREACHABLE',
        'INVALID', 'PRIVATE_ADDRESS'))
);
-- The admin list: broken links (outcome <> 'OK') in program order.
CREATE INDEX link_check_outcome_idx ON link_check (outcome, program_id);

-- One row that says which instance runs the link check and how far it got: an instance takes the lease with a
-- conditional update (only when no lease is current), renews it while it works and records its progress, so only
-- one instance of a cluster checks at a time and a pass cut short resumes where it stopped.
CREATE TABLE link_check_run (
    id           INTEGER       NOT NULL PRIMARY KEY,
    holder       VARCHAR(100),
    lease_until  TIMESTAMP WITH TIME ZONE,
    started_at   TIMESTAMP WITH TIME ZONE,
    finished_at  TIMESTAMP WITH TIME ZONE,
    last_program_id BIGINT     NOT NULL DEFAULT 0,
    requested    BOOLEAN       NOT NULL DEFAULT FALSE
);
INSERT INTO link_check_run (id, last_program_id, requested) VALUES (1, 0, FALSE);
