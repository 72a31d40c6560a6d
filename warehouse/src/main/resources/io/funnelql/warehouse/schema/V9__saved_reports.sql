-- FunnelQL warehouse schema, version 9: saved reports.
--
-- A saved report is a report's input kept under a name, with the instants that make it reproducible: the
-- data as known when it was saved (known_at), the valid time it answers for (as_of), and the time zone and
-- week start it was computed in. Running it later gives the numbers it gave when saved, whatever was loaded
-- since. report_id is derived from the name (lower case, runs of other characters as '-'), so names are
-- unique within a warehouse (a workspace) as their ids are. input is the JSON the report was saved with.
-- Not raw data: a saved report can be deleted.
CREATE TABLE saved_reports (
    report_id   VARCHAR PRIMARY KEY,
    name        VARCHAR NOT NULL,
    kind        VARCHAR NOT NULL,
    input       VARCHAR NOT NULL,
    saved_at    TIMESTAMPTZ NOT NULL,
    known_at    TIMESTAMPTZ NOT NULL,
    as_of       TIMESTAMPTZ NOT NULL,
    time_zone   VARCHAR NOT NULL,
    week_start  VARCHAR NOT NULL
);
