package io.funnelql.queries.targets;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.funnelql.queries.report.Grain;

/**
 * One loaded target: the value a metric should reach over one period.
 *
 * @param metric the metric's name as the catalog writes it, lower case ({@code mqls}, {@code won_revenue}, or
 *        a {@code metric_values} series)
 * @param start the period's first day
 * @param grain the period's length: it runs from {@code start} for one day, week (7 days), month, quarter
 *        (3 months) or year, whatever the weekday or month {@code start} is
 * @param source the canonical source the target is for; {@code null}: all sources together
 * @param value the target
 */
public record Target(String metric, LocalDate start, Grain grain, @Nullable String source, double value) {

    public Target {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(grain, "grain");
    }

    /** The day after the period's last (exclusive end). */
    public LocalDate end() {
        return switch (grain) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
            case YEAR -> start.plusYears(1);
        };
    }

    /** The period's length in days. */
    public long days() {
        return ChronoUnit.DAYS.between(start, end());
    }

    /** How many days of {@code [from, to)} fall in the period; 0 when they do not meet. */
    long overlapDays(LocalDate from, LocalDate to) {
        LocalDate first = start.isAfter(from) ? start : from;
        LocalDate last = end().isBefore(to) ? end() : to;
        return Math.max(0, ChronoUnit.DAYS.between(first, last));
    }
}
