package io.funnelql.queries.kpi;

/** How a KPI's value is split into parts beside its total. */
public enum Breakdown {
    /** No parts (a funnel KPI's parts are always its stages). */
    NONE,
    /** One part per source. */
    SOURCE
}
