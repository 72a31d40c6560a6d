-- FunnelQL warehouse schema, version 4: funnel rollups.
-- Daily counts per source and channel in the workspace time zone, kept up to date by every contacts load,
-- so funnel reports need not scan every contact. They hold nothing the contacts don't: they can be
-- rebuilt from them at any time (and are, when the source map or the workspace time zone changes).

-- Contacts created per day, with how many of them reached each stage (reached_*: cumulatively, the
-- stage or a later one; entered_*: the stage's own date is set).
CREATE TABLE rollup_contacts_created (
    day                  DATE NOT NULL,
    source               VARCHAR NOT NULL,
    channel              VARCHAR NOT NULL,
    contacts             BIGINT NOT NULL,
    reached_subscriber   BIGINT NOT NULL,
    reached_lead         BIGINT NOT NULL,
    reached_mql          BIGINT NOT NULL,
    reached_sql          BIGINT NOT NULL,
    reached_opportunity  BIGINT NOT NULL,
    reached_customer     BIGINT NOT NULL,
    reached_evangelist   BIGINT NOT NULL,
    entered_subscriber   BIGINT NOT NULL,
    entered_lead         BIGINT NOT NULL,
    entered_mql          BIGINT NOT NULL,
    entered_sql          BIGINT NOT NULL,
    entered_opportunity  BIGINT NOT NULL,
    entered_customer     BIGINT NOT NULL,
    entered_evangelist   BIGINT NOT NULL,
    PRIMARY KEY (day, source, channel)
);

-- Stage entries per day: stage 0 is creation, 1..7 subscriber..evangelist; cumulative entries date a
-- skipped stage at the next stage entered, in funnel order.
CREATE TABLE rollup_contacts_entered (
    day         DATE NOT NULL,
    source      VARCHAR NOT NULL,
    channel     VARCHAR NOT NULL,
    stage       TINYINT NOT NULL,
    cumulative  BOOLEAN NOT NULL,
    entries     BIGINT NOT NULL,
    PRIMARY KEY (day, source, channel, stage, cumulative)
);

-- The time zone the rollups' days are in; they are rebuilt when the workspace's differs (and on the
-- first open after this migration, from the contacts already loaded).
CREATE TABLE rollup_state (
    name       VARCHAR PRIMARY KEY,
    time_zone  VARCHAR NOT NULL
);
INSERT INTO rollup_state VALUES ('contacts', '');
