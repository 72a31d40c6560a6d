package io.funnelql.queries.kpi;

import java.util.List;
import java.util.Objects;

import io.funnelql.queries.report.Period;

/**
 * An OKR report: each KPI against its target over a quarter and its weeks, with pacing and status.
 *
 * @param query the query as it was answered: the quarter's first day, asOf, time zone and week start filled in
 * @param quarter the quarter
 * @param kpis one per KPI, in the order asked (by id when all KPIs with a target are reported)
 */
public record OkrReport(OkrQuery query, Period quarter, List<OkrKpi> kpis) {

    public OkrReport {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(quarter, "quarter");
        kpis = List.copyOf(kpis);
    }
}
