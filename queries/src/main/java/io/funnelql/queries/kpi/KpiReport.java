package io.funnelql.queries.kpi;

import java.util.Objects;

/**
 * One KPI's values over a range.
 *
 * @param query the query as it was answered: the version that computed it, asOf, time zone and week start filled in
 * @param series the values per period, the total and the parts, with their targets
 */
public record KpiReport(KpiQuery query, KpiSeries series) {

    public KpiReport {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(series, "series");
    }

    /** The definition version that computed the report. */
    public KpiDefinition definition() {
        return series.definition();
    }
}
