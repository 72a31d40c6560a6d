package io.funnelql.queries.kpi;

import java.util.List;
import java.util.Objects;

import io.funnelql.queries.report.Grain;
import io.funnelql.queries.report.Period;

/**
 * A KPI board: the North Star and the KPIs in the last complete period beside the one before, and the signals of
 * the watched pairs over the board's periods.
 *
 * @param query the query as it was answered: grain, asOf, time zone and week start filled in
 * @param grain the cadence
 * @param period the last period complete by asOf
 * @param previousPeriod the period before it
 * @param northStar the North Star KPI
 * @param kpis the KPIs, in the order asked or configured
 * @param signals the pairs whose KPIs moved apart, in the configured order
 */
public record KpiBoard(KpiBoardQuery query, Grain grain, Period period, Period previousPeriod, BoardKpi northStar,
                       List<BoardKpi> kpis, List<Signal> signals) {

    public KpiBoard {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(grain, "grain");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(previousPeriod, "previousPeriod");
        Objects.requireNonNull(northStar, "northStar");
        kpis = List.copyOf(kpis);
        signals = List.copyOf(signals);
    }
}
