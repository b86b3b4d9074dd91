-- Owner's manual ("good to know"). Portable SQL: PostgreSQL 15 and H2 2.x in MODE=PostgreSQL.
-- manual_usage: one row per manual event a car sent, keyed like its message (deleted with it after 12 months).
-- links: for MESSAGE_SHOWN, how many chapters the manual index linked (0: a code the index does not know).
CREATE TABLE manual_usage (
    vin           VARCHAR(17) NOT NULL,
    boot_id       BIGINT NOT NULL,
    sequence      BIGINT NOT NULL,
    kind          VARCHAR(20) NOT NULL,
    message_code  VARCHAR(64),
    chapter_id    VARCHAR(64),
    links         INTEGER NOT NULL,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (vin, boot_id, sequence)
);

CREATE INDEX manual_usage_vin ON manual_usage (vin, kind, received_at);

-- A car's favourite chapters (12 months after they were added).
CREATE TABLE manual_favourite (
    vin           VARCHAR(17) NOT NULL,
    chapter_id    VARCHAR(64) NOT NULL,
    added_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (vin, chapter_id)
);

CREATE INDEX manual_favourite_added ON manual_favourite (added_at);

-- A manual profile: the user of the identity registry whose name and ID matched, linked to the car; deleted one
-- year after its last use.
CREATE TABLE manual_profile (
    vin           VARCHAR(17) PRIMARY KEY,
    user_id       VARCHAR(64) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX manual_profile_used ON manual_profile (last_used_at);

-- Anonymised usage statistics: events per month, model line, kind, message code and chapter. No VIN, no user
-- ID, no time finer than the month; period_end (the first instant of the next month, UTC) lets retention delete
-- a month 12 months after it ended.
CREATE TABLE manual_statistic (
    stat_month    VARCHAR(7) NOT NULL,
    model_line    VARCHAR(16) NOT NULL,
    kind          VARCHAR(20) NOT NULL,
    message_code  VARCHAR(64) NOT NULL,
    chapter_id    VARCHAR(64) NOT NULL,
    period_end    TIMESTAMP WITH TIME ZONE NOT NULL,
    events        BIGINT NOT NULL,
    PRIMARY KEY (stat_month, model_line, kind, message_code, chapter_id)
);

CREATE INDEX manual_statistic_end ON manual_statistic (period_end);
