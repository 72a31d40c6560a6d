package io.funnelql.queries.report;

import java.util.OptionalDouble;

import org.jspecify.annotations.Nullable;

/**
 * One value of a report, with its comparison value when the report compares, and its target when one is set.
 *
 * @param value the value; {@code null} when undefined (a rate whose denominator is 0)
 * @param previous the value in the comparison period; {@code null} without a comparison or when undefined there
 * @param compared true when the report compares (so a null previous means "undefined", not "not asked")
 * @param target what the value should be, from the loaded targets (docs/kpi-board.md, "Targets"); {@code null}
 *        when the metric has no target for the row's period and sources
 */
public record Measure(@Nullable Double value, @Nullable Double previous, boolean compared, @Nullable Double target) {

    /** A measure without a target. */
    public Measure(@Nullable Double value, @Nullable Double previous, boolean compared) {
        this(value, previous, compared, null);
    }

    /** A value without comparison. */
    public static Measure of(@Nullable Double value) {
        return new Measure(value, null, false);
    }

    /** The same measure with a target ({@code null}: none). */
    public Measure withTarget(@Nullable Double target) {
        return new Measure(value, previous, compared, target);
    }

    /** {@code value - previous}; empty without a comparison or when either is undefined. */
    public OptionalDouble change() {
        return value == null || previous == null ? OptionalDouble.empty() : OptionalDouble.of(value - previous);
    }

    /** {@code (value - previous) / previous}; empty when {@link #change()} is, or previous is 0. */
    public OptionalDouble changeRate() {
        return value == null || previous == null || previous == 0 ? OptionalDouble.empty()
                : OptionalDouble.of((value - previous) / previous);
    }

    /**
     * {@code value / target}: 1.0 is on target. Empty without a target, when the target is 0 or the value is
     * undefined. For a metric where less is better (a cost per lead) a value under 1 is good.
     */
    public OptionalDouble attainment() {
        return attainment(value, target);
    }

    /** {@code value / target}; empty when either is missing or the target is 0. */
    public static OptionalDouble attainment(@Nullable Double value, @Nullable Double target) {
        return value == null || target == null || target == 0 ? OptionalDouble.empty() : OptionalDouble.of(value / target);
    }

    /** {@code numerator / denominator}, or null when the denominator is 0. */
    public static @Nullable Double ratio(double numerator, double denominator) {
        return denominator == 0 ? null : numerator / denominator;
    }
}
