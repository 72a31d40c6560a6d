-- FunnelQL warehouse schema, version 8: KPI definitions.
--
-- A KPI definition says exactly what a KPI counts: a metric of the catalog (docs/kpi-board.md) or a metric_values
-- series, and its filters. A definition has an id and numbered versions. Versions are never updated or deleted:
-- saving a changed definition adds version n + 1, so a report asked for an older version gives the numbers it
-- gave before. sources, channels and stages are lists (empty: none); breakdown is NONE or SOURCE; aggregation
-- (how a metric_values series adds up over a period) SUM, LAST or AVERAGE; indicator LEADING or LAGGING.
CREATE TABLE kpi_definitions (
    kpi_id                  VARCHAR NOT NULL,
    version                 INTEGER NOT NULL,
    name                    VARCHAR NOT NULL,
    description             VARCHAR NOT NULL,
    metric                  VARCHAR NOT NULL,
    sources                 VARCHAR[] NOT NULL,
    channels                VARCHAR[] NOT NULL,
    exclude_role_addresses  BOOLEAN NOT NULL,
    stages                  VARCHAR[] NOT NULL,
    breakdown               VARCHAR NOT NULL,
    aggregation             VARCHAR NOT NULL,
    indicator               VARCHAR NOT NULL,
    created_at              TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (kpi_id, version)
);

-- The built-in definitions, version 1 of the default KPI board's KPIs and of the metrics targets and signals use.
-- They are dated 1970-01-01: they have always existed, so a report asked as known at any past instant finds them.
INSERT INTO kpi_definitions VALUES
    ('customers', 1, 'New customers',
     'Contacts that became customers in the period (entered CUSTOMER, counted cumulatively).',
     'customers', [], [], false, [], 'NONE', 'SUM', 'LAGGING', TIMESTAMPTZ '1970-01-01 00:00:00+00'),
    ('mqls', 1, 'MQLs by source',
     'Contacts that became marketing qualified leads in the period (entered MQL, counted cumulatively), by source.',
     'mqls', [], [], false, [], 'SOURCE', 'SUM', 'LEADING', TIMESTAMPTZ '1970-01-01 00:00:00+00'),
    ('lifecycle_funnel', 1, 'Lifecycle funnel',
     'Contacts entering each lifecycle stage in the period, counted cumulatively, from created to customer; the value is customers over contacts created.',
     'funnel', [], [], false, ['CREATED', 'LEAD', 'MQL', 'SQL', 'OPPORTUNITY', 'CUSTOMER'], 'NONE', 'SUM', 'LAGGING',
     TIMESTAMPTZ '1970-01-01 00:00:00+00'),
    ('sessions', 1, 'Sessions by source',
     'Website sessions started in the period, by source.',
     'sessions', [], [], false, [], 'SOURCE', 'SUM', 'LEADING', TIMESTAMPTZ '1970-01-01 00:00:00+00'),
    ('won_revenue', 1, 'Won revenue',
     'The amount of the won deals closed in the period (renewals and expansions included).',
     'won_revenue', [], [], false, [], 'NONE', 'SUM', 'LAGGING', TIMESTAMPTZ '1970-01-01 00:00:00+00'),
    ('cost_per_lead', 1, 'Cost per lead',
     'Spend in the period over the contacts that became leads in it (entered LEAD, counted cumulatively).',
     'cost_per_lead', [], [], false, [], 'NONE', 'SUM', 'LEADING', TIMESTAMPTZ '1970-01-01 00:00:00+00'),
    ('cac', 1, 'CAC',
     'Customer acquisition cost: spend in the period over the contacts that became customers in it.',
     'cac', [], [], false, [], 'NONE', 'SUM', 'LAGGING', TIMESTAMPTZ '1970-01-01 00:00:00+00'),
    ('contacts', 1, 'New contacts',
     'Contacts created in the period.',
     'contacts', [], [], false, [], 'NONE', 'SUM', 'LEADING', TIMESTAMPTZ '1970-01-01 00:00:00+00'),
    ('leads', 1, 'Leads',
     'Contacts that became leads in the period (entered LEAD, counted cumulatively).',
     'leads', [], [], false, [], 'NONE', 'SUM', 'LEADING', TIMESTAMPTZ '1970-01-01 00:00:00+00'),
    ('sqls', 1, 'SQLs',
     'Contacts that became sales qualified leads in the period (entered SQL, counted cumulatively).',
     'sqls', [], [], false, [], 'NONE', 'SUM', 'LEADING', TIMESTAMPTZ '1970-01-01 00:00:00+00'),
    ('opportunities', 1, 'Opportunities',
     'Contacts that became opportunities in the period (entered OPPORTUNITY, counted cumulatively).',
     'opportunities', [], [], false, [], 'NONE', 'SUM', 'LEADING', TIMESTAMPTZ '1970-01-01 00:00:00+00'),
    ('spend', 1, 'Spend',
     'Marketing spend dated in the period.',
     'spend', [], [], false, [], 'NONE', 'SUM', 'LEADING', TIMESTAMPTZ '1970-01-01 00:00:00+00'),
    ('visitor_to_contact_rate', 1, 'Visitor-to-contact rate',
     'Contacts created in the period over the unique visitors of the period.',
     'visitor_to_contact_rate', [], [], false, [], 'NONE', 'SUM', 'LAGGING', TIMESTAMPTZ '1970-01-01 00:00:00+00'),
    ('mql_to_sql_rate', 1, 'MQL-to-SQL rate',
     'Contacts that entered SQL in the period over those that entered MQL in it (both counted cumulatively).',
     'mql_to_sql_rate', [], [], false, [], 'NONE', 'SUM', 'LAGGING', TIMESTAMPTZ '1970-01-01 00:00:00+00');
