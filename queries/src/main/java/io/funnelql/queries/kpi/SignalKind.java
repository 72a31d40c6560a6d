package io.funnelql.queries.kpi;

/** Which way a leading KPI and its lagging one moved apart. */
public enum SignalKind {
    /** More at the top, converting worse further down: growth that is not carrying through. */
    LEADING_UP_LAGGING_DOWN,
    /** Less at the top, converting better further down. */
    LEADING_DOWN_LAGGING_UP
}
