package io.funnelql.queries.report;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One reporting period, whole: from its first to its last day, inclusive, in the report time zone.
 *
 * @param start the first day
 * @param end the last day (inclusive)
 * @param label how the period is written: {@code 2024-06-03} (day, or the first day of a week),
 *        {@code 2024-06}, {@code 2024-Q2}, {@code 2024}; with a fiscal year not starting in January,
 *        {@code FY2025-Q1} and {@code FY2025}, named by the calendar year the fiscal year ends in
 * @param complete false while the period (plus any conversion window) has not ended by the report's
 *        {@code asOf}: its numbers can still grow
 */
public record Period(LocalDate start, LocalDate end, String label, boolean complete) {

    public Period {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(label, "label");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("period end " + end + " before start " + start);
        }
    }
}
