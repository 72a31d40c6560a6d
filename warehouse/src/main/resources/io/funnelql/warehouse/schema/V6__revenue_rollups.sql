-- FunnelQL warehouse schema, version 6: revenue rollups.
-- The revenue ledger of the won deals (revenue won, MRR and customers starting and ending) per day in the
-- workspace time zone, source and channel of the deal's contact, so that revenue and cost reports need not
-- join every deal to every contact. Derived data: rebuilt from the current deals and contacts by every load
-- that can change it (deals, source map, contacts that deals refer to) and when the time zone changes.

-- One row per day, source, channel and, for customers that churned that day, the day their spell started
-- (NULL on the other rows). net_micros: the epoch microseconds of the day's customer starts minus those of
-- its ends; net_mrr_micros: the same weighted by the MRR that started or ended.
CREATE TABLE rollup_revenue (
    day             DATE NOT NULL,
    source          VARCHAR NOT NULL,
    channel         VARCHAR NOT NULL,
    started_day     DATE,
    won_revenue     DECIMAL(38, 2) NOT NULL,
    won_deals       BIGINT NOT NULL,
    new_mrr         DECIMAL(38, 2) NOT NULL,
    expansion_mrr   DECIMAL(38, 2) NOT NULL,
    churned_mrr     DECIMAL(38, 2) NOT NULL,
    customers_in    BIGINT NOT NULL,
    customers_out   BIGINT NOT NULL,
    net_micros      DECIMAL(38, 0) NOT NULL,
    net_mrr_micros  DECIMAL(38, 2) NOT NULL
);

INSERT INTO rollup_state VALUES ('revenue', '');
