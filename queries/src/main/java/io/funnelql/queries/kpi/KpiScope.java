package io.funnelql.queries.kpi;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.funnelql.queries.report.DateRange;
import io.funnelql.queries.report.Grain;

/**
 * What a KPI is computed over, with every default resolved.
 *
 * @param range the dates; periods overlapping it count whole
 * @param grain the period length
 * @param asOf valid time
 * @param knownAt transaction time; {@code null}: the current data
 * @param weekStart the first day of a week
 * @param zone the report time zone
 */
record KpiScope(DateRange range, Grain grain, Instant asOf, @Nullable Instant knownAt, DayOfWeek weekStart, ZoneId zone) {

    KpiScope {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(grain, "grain");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(weekStart, "weekStart");
        Objects.requireNonNull(zone, "zone");
    }

    KpiScope with(DateRange range, Grain grain) {
        return new KpiScope(range, grain, asOf, knownAt, weekStart, zone);
    }
}
