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
        int size = periods.size();
        if (values.size() != size || parts.stream().anyMatch(part -> part.values().size() != size)) {
            throw new IllegalArgumentException("a KPI series needs one value per period");
        }
    }

    /** The values with their periods. */
    public List<KpiPoint> points() {
        return points(values);
    }

    /** A part's values with their periods. */
    public List<KpiPoint> points(Part part) {
        return points(part.values());
    }

    /** The whole range: its period spans every period of the series. */
    public Period span() {
        return io.funnelql.queries.report.GridRows.span(periods);
    }

    private List<KpiPoint> points(List<Measure> measures) {
        List<KpiPoint> points = new java.util.ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            points.add(KpiPoint.of(periods.get(i), measures.get(i)));
        }
        return points;
    }
}
