package io.funnelql.queries.kpi;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.funnelql.queries.report.Period;
import io.funnelql.queries.report.ReportCalendar;

/**
 * Pacing: where a linear path through a period says a KPI should be at a moment, and whether it is there.
 *
 * <p>The elapsed share of a period is {@code (asOf - start) / (end - start)}, clamped to 0..1, with the period's start
 * and end the instants its first day and the day after its last begin in the report time zone. A count or amount
 * should be at {@code target x elapsed}; a ratio or level at its target as soon as the period has begun.
 */
final class Pacing {

    private Pacing() {
    }

    /** The share of {@code period} that has passed by {@code asOf}: 0 before it, 1 after it. */
    static double elapsed(Period period, Instant asOf, ReportCalendar calendar) {
        Instant start = calendar.startOf(period.start());
        Instant end = calendar.startOf(period.end().plusDays(1));
        if (!asOf.isAfter(start)) {
            return 0;
        }
        if (!asOf.isBefore(end)) {
            return 1;
        }
        return (double) Duration.between(start, asOf).toMillis() / Duration.between(start, end).toMillis();
    }

    /**
     * Where the KPI should be: {@code target x elapsed} for a count or amount, the target for a ratio once the period
     * has begun; null without a target, or for a ratio before the period.
     */
    static @Nullable Double expected(@Nullable Double target, boolean additive, double elapsed) {
        if (target == null) {
            return null;
        }
        if (additive) {
            return target * elapsed;
        }
        return elapsed > 0 ? target : null;
    }

    /**
     * ON_TRACK when the actual is at least the pacing (at most, for a cost), else BEHIND; null before the period, and
     * without an actual or a pacing.
     */
    static @Nullable OkrStatus status(@Nullable Double actual, @Nullable Double pacing, boolean lowerIsBetter, double elapsed) {
        if (elapsed == 0 || actual == null || pacing == null) {
            return null;
        }
        boolean onTrack = lowerIsBetter ? actual <= pacing : actual >= pacing;
        return onTrack ? OkrStatus.ON_TRACK : OkrStatus.BEHIND;
    }
}
