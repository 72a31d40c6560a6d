package io.funnelql.queries.kpi;

/** How the values of a {@code metric_values} series within one period make the period's value. */
public enum Aggregation {
    /** Their sum: for flows, such as webinar attendees. A period without values is 0. */
    SUM,
    /** The value of the period's latest date (summed over sources on that date): for levels, such as list size. */
    LAST,
    /** The mean of the period's dates' values (each summed over sources): for levels such as rankings. */
    AVERAGE
}
