-- FunnelQL warehouse schema, version 1.
-- raw_* tables are append-only: every row is stamped with the load that brought it.
-- The tables without prefix hold the current state: the latest committed version of each record.

CREATE SEQUENCE load_ids START 1;

CREATE TABLE loads (
    load_id      BIGINT PRIMARY KEY,
    dataset      VARCHAR NOT NULL,
    file_name    VARCHAR NOT NULL,
    format       VARCHAR NOT NULL,
    sha256       VARCHAR NOT NULL,
    mapping      VARCHAR NOT NULL,
    row_count    BIGINT,
    started_at   TIMESTAMPTZ NOT NULL,
    committed_at TIMESTAMPTZ,
    status       VARCHAR NOT NULL,
    error        VARCHAR
);

-- contacts ------------------------------------------------------------------------------------
CREATE TABLE raw_contacts (
    load_id         BIGINT NOT NULL,
    contact_id      VARCHAR NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    source_raw      VARCHAR,
    source_detail   VARCHAR,
    email           VARCHAR,
    company         VARCHAR,
    lifecycle_stage VARCHAR,
    subscriber_at   TIMESTAMPTZ,
    lead_at         TIMESTAMPTZ,
    mql_at          TIMESTAMPTZ,
    sql_at          TIMESTAMPTZ,
    opportunity_at  TIMESTAMPTZ,
    customer_at     TIMESTAMPTZ,
    evangelist_at   TIMESTAMPTZ,
    updated_at      TIMESTAMPTZ
);
CREATE TABLE contacts AS SELECT *, ''::VARCHAR AS source, ''::VARCHAR AS channel FROM raw_contacts WITH NO DATA;

-- sessions ------------------------------------------------------------------------------------
CREATE TABLE raw_sessions (
    load_id          BIGINT NOT NULL,
    session_id       VARCHAR NOT NULL,
    started_at       TIMESTAMPTZ NOT NULL,
    source_raw       VARCHAR,
    visitor_id       VARCHAR,
    contact_id       VARCHAR,
    landing_page     VARCHAR,
    pageviews        INTEGER,
    duration_seconds INTEGER,
    bounced          BOOLEAN
);
CREATE TABLE sessions AS SELECT *, ''::VARCHAR AS source, ''::VARCHAR AS channel FROM raw_sessions WITH NO DATA;

-- deals ---------------------------------------------------------------------------------------
CREATE TABLE raw_deals (
    load_id     BIGINT NOT NULL,
    deal_id     VARCHAR NOT NULL,
    amount      DECIMAL(18, 2) NOT NULL,
    closed_at   TIMESTAMPTZ NOT NULL,
    contact_id  VARCHAR,
    status      VARCHAR NOT NULL,
    currency    VARCHAR,
    type        VARCHAR,
    mrr         DECIMAL(18, 2),
    churned_at  TIMESTAMPTZ
);
CREATE TABLE deals AS SELECT * FROM raw_deals WITH NO DATA;

-- spend ---------------------------------------------------------------------------------------
CREATE TABLE raw_spend (
    load_id    BIGINT NOT NULL,
    record_key VARCHAR NOT NULL,
    date       DATE NOT NULL,
    source_raw VARCHAR,
    amount     DECIMAL(18, 2) NOT NULL,
    campaign   VARCHAR,
    currency   VARCHAR
);
CREATE TABLE spend AS SELECT *, ''::VARCHAR AS source, ''::VARCHAR AS channel FROM raw_spend WITH NO DATA;

-- targets -------------------------------------------------------------------------------------
CREATE TABLE raw_targets (
    load_id      BIGINT NOT NULL,
    record_key   VARCHAR NOT NULL,
    metric       VARCHAR NOT NULL,
    period_start DATE NOT NULL,
    grain        VARCHAR NOT NULL,
    value        DOUBLE NOT NULL,
    source_raw   VARCHAR
);
CREATE TABLE targets AS SELECT *, ''::VARCHAR AS source FROM raw_targets WITH NO DATA;

-- metric_values -------------------------------------------------------------------------------
CREATE TABLE raw_metric_values (
    load_id    BIGINT NOT NULL,
    record_key VARCHAR NOT NULL,
    metric     VARCHAR NOT NULL,
    date       DATE NOT NULL,
    value      DOUBLE NOT NULL,
    source_raw VARCHAR,
    note       VARCHAR
);
CREATE TABLE metric_values AS SELECT *, ''::VARCHAR AS source FROM raw_metric_values WITH NO DATA;

-- source_map ----------------------------------------------------------------------------------
CREATE TABLE raw_source_map (
    load_id    BIGINT NOT NULL,
    record_key VARCHAR NOT NULL,
    raw_source VARCHAR NOT NULL,
    source     VARCHAR NOT NULL,
    channel    VARCHAR
);
CREATE TABLE source_map AS SELECT * FROM raw_source_map WITH NO DATA;

-- Canonical sources and the mappings every warehouse starts with (HubSpot original sources and GA4
-- default channel groups). A user's source_map rows override these by raw_key.
CREATE TABLE canonical_sources (
    source  VARCHAR PRIMARY KEY,
    channel VARCHAR NOT NULL,
    label   VARCHAR NOT NULL
);
INSERT INTO canonical_sources VALUES
    ('organic_search',   'inbound',  'Organic search'),
    ('paid_search',      'inbound',  'Paid search'),
    ('paid_social',      'inbound',  'Paid social'),
    ('organic_social',   'inbound',  'Organic social'),
    ('email',            'inbound',  'Email marketing'),
    ('referral',         'inbound',  'Referrals'),
    ('direct',           'inbound',  'Direct traffic'),
    ('display',          'inbound',  'Display'),
    ('affiliates',       'inbound',  'Affiliates'),
    ('organic_video',    'inbound',  'Organic video'),
    ('paid_video',       'inbound',  'Paid video'),
    ('organic_shopping', 'inbound',  'Organic shopping'),
    ('paid_shopping',    'inbound',  'Paid shopping'),
    ('paid_other',       'inbound',  'Other paid'),
    ('audio',            'inbound',  'Audio'),
    ('sms',              'inbound',  'SMS'),
    ('push',             'inbound',  'Push notifications'),
    ('cross_network',    'inbound',  'Cross-network'),
    ('other_campaigns',  'inbound',  'Other campaigns'),
    ('events',           'outbound', 'Events'),
    ('offline',          'outbound', 'Offline sources'),
    ('outbound',         'outbound', 'Outbound'),
    ('unknown',          'unknown',  'Unknown');

CREATE TABLE source_defaults (
    raw_key VARCHAR PRIMARY KEY,
    source  VARCHAR NOT NULL
);
INSERT INTO source_defaults VALUES
    -- HubSpot "Original Source" values, as exported (internal names and labels)
    ('organic_search', 'organic_search'), ('organic search', 'organic_search'),
    ('paid_search', 'paid_search'), ('paid search', 'paid_search'),
    ('email_marketing', 'email'), ('email marketing', 'email'),
    ('social_media', 'organic_social'), ('social media', 'organic_social'), ('organic social', 'organic_social'),
    ('paid_social', 'paid_social'), ('paid social', 'paid_social'),
    ('referrals', 'referral'), ('referral', 'referral'),
    ('direct_traffic', 'direct'), ('direct traffic', 'direct'),
    ('offline', 'offline'), ('offline sources', 'offline'),
    ('other_campaigns', 'other_campaigns'), ('other campaigns', 'other_campaigns'),
    ('ai_referrals', 'referral'), ('ai referrals', 'referral'),
    -- GA4 default channel groups
    ('direct', 'direct'), ('email', 'email'), ('display', 'display'), ('affiliates', 'affiliates'),
    ('organic video', 'organic_video'), ('paid video', 'paid_video'),
    ('organic shopping', 'organic_shopping'), ('paid shopping', 'paid_shopping'),
    ('paid other', 'paid_other'), ('audio', 'audio'), ('sms', 'sms'),
    ('mobile push notifications', 'push'), ('cross-network', 'cross_network'),
    ('unassigned', 'unknown'), ('(none)', 'unknown'), ('(not set)', 'unknown');

-- The lookup every normalisation joins: user mappings first, then defaults, then canonical ids as
-- themselves. raw_key is the raw source trimmed and lower-cased.
CREATE VIEW source_lookup AS
WITH user_map AS (
    SELECT m.record_key AS raw_key, m.source,
           coalesce(m.channel, c.channel, 'inbound') AS channel
    FROM source_map m LEFT JOIN canonical_sources c ON c.source = m.source
), defaults AS (
    SELECT d.raw_key, d.source, c.channel
    FROM source_defaults d JOIN canonical_sources c ON c.source = d.source
    UNION ALL
    SELECT c.source, c.source, c.channel FROM canonical_sources c
    WHERE c.source NOT IN (SELECT raw_key FROM source_defaults)
)
SELECT raw_key, source, channel FROM user_map
UNION ALL
SELECT raw_key, source, channel FROM defaults WHERE raw_key NOT IN (SELECT raw_key FROM user_map);
