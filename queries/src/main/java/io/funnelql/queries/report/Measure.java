package io.funnelql.queries.report;

import java.util.OptionalDouble;

import org.jspecify.annotations.Nullable;

/**
 * One value of a report, with its comparison value when the report compares.
 *
 * @param value the value; {@code null} when undefined (a rate whose denominator is 0)
 * @param previous the value in the comparison period; {@code null} without a comparison or when undefined there
 * @param compared true when the report compares (so a null previous means "undefined", not "not asked")
 */
public record Measure(@Nullable Double value, @Nullable Double previous, boolean compared) {

    /** A value without comparison. */
    public static Measure of(@Nullable Double value) {
        return new Measure(value, null, false);
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

    /** {@code numerator / denominator}, or null when the denominator is 0. */
    public static @Nullable Double ratio(double numerator, double denominator) {
        return denominator == 0 ? null : numerator / denominator;
    }
}
