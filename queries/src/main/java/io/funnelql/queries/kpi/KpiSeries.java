package io.funnelql.queries.kpi;

import java.util.List;
import java.util.Objects;

import io.funnelql.queries.report.Measure;
import io.funnelql.queries.report.Period;

/**
 * A KPI's values over a range: one per period, the range's total, and its parts (sources or stages), each value
 * with its target (the measures compare nothing).
 *
 * @param definition the definition version that computed it
 * @param periods the periods, in order
 * @param values one per period
 * @param total over the whole range (computed from the range's own figures, never summed when it does not add up)
 * @param parts per source (breakdown SOURCE) or per stage (a funnel KPI), in order; empty otherwise
 */
public record KpiSeries(KpiDefinition definition, List<Period> periods, List<Measure> values, Measure total, List<Part> parts) {

    /**
     * One part of a KPI: a source or a stage.
     *
     * @param name the source ({@code paid_search}) or stage ({@code MQL})
     * @param values one per period
     * @param total over the whole range
     */
    public record Part(String name, List<Measure> values, Measure total) {

        public Part {
            Objects.requireNonNull(name, "name");
            values = List.copyOf(values);
        }
    }

    public KpiSeries {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(total, "total");
        periods = List.copyOf(periods);
        values = List.copyOf(values);
        parts = List.copyOf(parts);
    }
}
