package io.funnelql.queries.kpi;

import java.util.List;
import java.util.Objects;

/**
 * One KPI of an OKR: the quarter to date and each of its weeks, the data of a bowling chart.
 *
 * @param definition the definition version that computed it
 * @param quarter the whole quarter
 * @param weeks the weeks that overlap the quarter, whole, in order
 */
public record OkrKpi(KpiDefinition definition, OkrPeriod quarter, List<OkrPeriod> weeks) {

    public OkrKpi {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(quarter, "quarter");
        weeks = List.copyOf(weeks);
    }
}
