-- FunnelQL warehouse schema, version 3: every version of a record is stored once.
--
-- Version 1 kept each loaded row twice: in raw_<dataset> and, while it is the latest version of its
-- record, again in the current table. Now a row lives in the current table while it is current and
-- moves to superseded_<dataset> (in the same transaction) when a later load replaces it; raw_<dataset>
-- is the union of the two. The raw layer keeps its meaning: every version of every record, stamped
-- with its load_id, never edited; a load only ever adds rows to it. A load of new records now writes
-- them once instead of twice.

-- contacts ------------------------------------------------------------------------------------
CREATE TABLE superseded_contacts AS SELECT * FROM raw_contacts WITH NO DATA;
INSERT INTO superseded_contacts
SELECT r.* FROM raw_contacts r
WHERE NOT EXISTS (SELECT 1 FROM contacts c WHERE c.contact_id = r.contact_id AND c.load_id = r.load_id);
DROP TABLE raw_contacts;
CREATE VIEW raw_contacts AS
SELECT * EXCLUDE (source, channel) FROM contacts
UNION ALL
SELECT * FROM superseded_contacts;

-- sessions ------------------------------------------------------------------------------------
CREATE TABLE superseded_sessions AS SELECT * FROM raw_sessions WITH NO DATA;
INSERT INTO superseded_sessions
SELECT r.* FROM raw_sessions r
WHERE NOT EXISTS (SELECT 1 FROM sessions c WHERE c.session_id = r.session_id AND c.load_id = r.load_id);
DROP TABLE raw_sessions;
CREATE VIEW raw_sessions AS
SELECT * EXCLUDE (source, channel) FROM sessions
UNION ALL
SELECT * FROM superseded_sessions;

-- deals ---------------------------------------------------------------------------------------
CREATE TABLE superseded_deals AS SELECT * FROM raw_deals WITH NO DATA;
INSERT INTO superseded_deals
SELECT r.* FROM raw_deals r
WHERE NOT EXISTS (SELECT 1 FROM deals c WHERE c.deal_id = r.deal_id AND c.load_id = r.load_id);
DROP TABLE raw_deals;
CREATE VIEW raw_deals AS
SELECT * FROM deals
UNION ALL
SELECT * FROM superseded_deals;

-- spend ---------------------------------------------------------------------------------------
CREATE TABLE superseded_spend AS SELECT * FROM raw_spend WITH NO DATA;
INSERT INTO superseded_spend
SELECT r.* FROM raw_spend r
WHERE NOT EXISTS (SELECT 1 FROM spend c WHERE c.record_key = r.record_key AND c.load_id = r.load_id);
DROP TABLE raw_spend;
CREATE VIEW raw_spend AS
SELECT * EXCLUDE (source, channel) FROM spend
UNION ALL
SELECT * FROM superseded_spend;

-- targets -------------------------------------------------------------------------------------
CREATE TABLE superseded_targets AS SELECT * FROM raw_targets WITH NO DATA;
INSERT INTO superseded_targets
SELECT r.* FROM raw_targets r
WHERE NOT EXISTS (SELECT 1 FROM targets c WHERE c.record_key = r.record_key AND c.load_id = r.load_id);
DROP TABLE raw_targets;
CREATE VIEW raw_targets AS
SELECT * EXCLUDE (source) FROM targets
UNION ALL
SELECT * FROM superseded_targets;

-- metric_values -------------------------------------------------------------------------------
CREATE TABLE superseded_metric_values AS SELECT * FROM raw_metric_values WITH NO DATA;
INSERT INTO superseded_metric_values
SELECT r.* FROM raw_metric_values r
WHERE NOT EXISTS (SELECT 1 FROM metric_values c WHERE c.record_key = r.record_key AND c.load_id = r.load_id);
DROP TABLE raw_metric_values;
CREATE VIEW raw_metric_values AS
SELECT * EXCLUDE (source) FROM metric_values
UNION ALL
SELECT * FROM superseded_metric_values;

-- source_map ----------------------------------------------------------------------------------
CREATE TABLE superseded_source_map AS SELECT * FROM raw_source_map WITH NO DATA;
INSERT INTO superseded_source_map
SELECT r.* FROM raw_source_map r
WHERE NOT EXISTS (SELECT 1 FROM source_map c WHERE c.record_key = r.record_key AND c.load_id = r.load_id);
DROP TABLE raw_source_map;
CREATE VIEW raw_source_map AS
SELECT * FROM source_map
UNION ALL
SELECT * FROM superseded_source_map;

-- loads ---------------------------------------------------------------------------------------
-- The size of the loaded content: a file whose size no committed load shares cannot be a duplicate, so
-- the load need not wait for its SHA-256 before it starts.
ALTER TABLE loads ADD COLUMN byte_count BIGINT;
