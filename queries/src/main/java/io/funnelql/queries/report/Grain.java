package io.funnelql.queries.report;

/** The length of a report period. QUARTER and YEAR follow the fiscal year. */
public enum Grain {
    DAY, WEEK, MONTH, QUARTER, YEAR
}
