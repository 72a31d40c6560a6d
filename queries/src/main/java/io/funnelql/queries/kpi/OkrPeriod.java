package io.funnelql.queries.kpi;

import java.util.Objects;
import java.util.OptionalDouble;

import org.jspecify.annotations.Nullable;

import io.funnelql.queries.report.Measure;
import io.funnelql.queries.report.Period;

/**
 * A KPI against its target in one period of an OKR: the quarter, or a week of it.
 *
 * @param period the period
 * @param target the target of the period; null when none is set
 * @param actual the KPI's value in the period up to asOf; null before the period begins, or when undefined (a cost
 *        per lead without spend)
 * @param pacing where the linear path to the target says the KPI should be at asOf ({@link Pacing})
 * @param elapsed the share of the period passed by asOf, 0 to 1
 * @param status on track or behind; null without a target or an actual, and before the period
 */
public record OkrPeriod(Period period, @Nullable Double target, @Nullable Double actual, @Nullable Double pacing, double elapsed,
                        @Nullable OkrStatus status) {

    public OkrPeriod {
        Objects.requireNonNull(period, "period");
    }

    /** {@code actual / target}; empty without either, or when the target is 0. */
    public OptionalDouble attainment() {
        return Measure.attainment(actual, target);
    }
}
