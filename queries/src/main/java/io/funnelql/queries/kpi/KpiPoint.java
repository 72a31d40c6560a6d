package io.funnelql.queries.kpi;

import java.util.Objects;
import java.util.OptionalDouble;

import org.jspecify.annotations.Nullable;

import io.funnelql.queries.report.Measure;
import io.funnelql.queries.report.Period;

/**
 * A KPI's value in one period (or over a range) beside its target.
 *
 * @param period the period
 * @param value the value; null when undefined (a rate without a denominator, a level without a value)
 * @param target the target; null when none is set
 */
public record KpiPoint(Period period, @Nullable Double value, @Nullable Double target) {

    public KpiPoint {
        Objects.requireNonNull(period, "period");
    }

    static KpiPoint of(Period period, Measure measure) {
        return new KpiPoint(period, measure.value(), measure.target());
    }

    /** {@code value / target}; empty without either, or when the target is 0. */
    public OptionalDouble attainment() {
        return Measure.attainment(value, target);
    }
}
