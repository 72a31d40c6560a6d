-- FunnelQL warehouse schema, version 5: traffic rollups.
-- Kept up to date by every sessions load (in the load's transaction), so traffic reports need not scan
-- every session or count distinct visitors over the whole history. They hold nothing the sessions don't:
-- they can be rebuilt from them at any time (and are, when the source map or the workspace time zone
-- changes). Days are calendar days in the workspace time zone. A session without a visitor_id is a
-- visitor of its own.

-- Per day, source and channel: the sessions and the parts of their averages and rates, and the visitors
-- whose first session ever (the earliest started_at, then the smallest session_id) is one of them.
CREATE TABLE rollup_sessions_daily (
    day                DATE NOT NULL,
    source             VARCHAR NOT NULL,
    channel            VARCHAR NOT NULL,
    sessions           BIGINT NOT NULL,
    bounce_known       BIGINT NOT NULL,
    bounces            BIGINT NOT NULL,
    pageview_sessions  BIGINT NOT NULL,
    pageviews          BIGINT NOT NULL,
    duration_sessions  BIGINT NOT NULL,
    duration_seconds   BIGINT NOT NULL,
    new_visitors       BIGINT NOT NULL,
    PRIMARY KEY (day, source, channel)
);

-- Visitor days: how many visitors had a session on `day` whose previous session day was `previous_day`
-- ('-infinity' when `day` is their first). The distinct visitors of any run of whole days [a, b) are the
-- visitor days with a <= day < b and previous_day < a: each visitor is counted once, on their first day in
-- the run. Kept three times, because "previous" depends on what is grouped: any session, a session of the
-- same source, a session of the same channel.
CREATE TABLE rollup_visitor_days (
    day           DATE NOT NULL,
    previous_day  DATE NOT NULL,
    visitors      BIGINT NOT NULL,
    PRIMARY KEY (day, previous_day)
);

CREATE TABLE rollup_visitor_days_by_source (
    day           DATE NOT NULL,
    previous_day  DATE NOT NULL,
    source        VARCHAR NOT NULL,
    visitors      BIGINT NOT NULL,
    PRIMARY KEY (day, previous_day, source)
);

CREATE TABLE rollup_visitor_days_by_channel (
    day           DATE NOT NULL,
    previous_day  DATE NOT NULL,
    channel       VARCHAR NOT NULL,
    visitors      BIGINT NOT NULL,
    PRIMARY KEY (day, previous_day, channel)
);

-- Each identified visitor's first session ever, as an instant (not a day: reports in other time zones
-- and with an earlier asOf read it too).
CREATE TABLE rollup_first_sessions (
    visitor_id  VARCHAR NOT NULL,
    first_at    TIMESTAMPTZ NOT NULL,
    session_id  VARCHAR NOT NULL,
    source      VARCHAR NOT NULL,
    channel     VARCHAR NOT NULL
);

-- Built on the first open after this migration, from the sessions already loaded.
INSERT INTO rollup_state VALUES ('sessions', '');
