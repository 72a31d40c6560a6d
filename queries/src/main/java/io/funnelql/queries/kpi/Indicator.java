package io.funnelql.queries.kpi;

/** Whether a KPI moves ahead of the outcomes (leading: traffic, MQLs) or reports them (lagging: revenue, CAC). */
public enum Indicator {
    LEADING, LAGGING
}
