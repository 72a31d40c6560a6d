package io.funnelql.queries.kpi;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

import org.jspecify.annotations.Nullable;

import io.funnelql.queries.report.Measure;

/**
 * One KPI of a board: its value in the board's period beside the period before, its target, its parts and its
 * recent series.
 *
 * @param definition the definition version that computed it
 * @param measure value (the board's period), previous (the period before) and target (of the board's period)
 * @param parts per source or stage, measured alike
 * @param series the board's periods, oldest first, ending with the board's period
 */
public record BoardKpi(KpiDefinition definition, Measure measure, List<Part> parts, List<KpiPoint> series) {

    /** One part of a KPI (a source, a stage) measured as the KPI is. */
    public record Part(String name, Measure measure) {

        public Part {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(measure, "measure");
        }

        public @Nullable Double value() {
            return measure.value();
        }

        public @Nullable Double previous() {
            return measure.previous();
        }

        public OptionalDouble change() {
            return measure.change();
        }

        public OptionalDouble changeRate() {
            return measure.changeRate();
        }

        public @Nullable Double target() {
            return measure.target();
        }

        public OptionalDouble attainment() {
            return measure.attainment();
        }
    }

    public BoardKpi {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(measure, "measure");
        parts = List.copyOf(parts);
        series = List.copyOf(series);
    }

    /** The board's period and the one before, from a series of at least two periods. */
    static BoardKpi of(KpiSeries series) {
        int last = series.values().size() - 1;
        List<Part> parts = series.parts().stream().map(part -> new Part(part.name(), compare(part.values(), last))).toList();
        return new BoardKpi(series.definition(), compare(series.values(), last), parts, series.points());
    }

    private static Measure compare(List<Measure> values, int last) {
        return new Measure(values.get(last).value(), values.get(last - 1).value(), true, values.get(last).target());
    }

    public @Nullable Double value() {
        return measure.value();
    }

    public @Nullable Double previous() {
        return measure.previous();
    }

    public OptionalDouble change() {
        return measure.change();
    }

    public OptionalDouble changeRate() {
        return measure.changeRate();
    }

    public @Nullable Double target() {
        return measure.target();
    }

    public OptionalDouble attainment() {
        return measure.attainment();
    }

    public Indicator indicator() {
        return definition.indicator();
    }
}
