package io.funnelql.queries.report;

/** What a report's values are compared with. */
public enum Compare {
    NONE,
    /** The same number of periods just before the range. */
    PREVIOUS_PERIOD,
    /** Each period one year earlier; DAY and WEEK periods 52 weeks earlier, so weekdays align. */
    PREVIOUS_YEAR
}
