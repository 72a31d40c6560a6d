package io.funnelql.queries.kpi;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.funnelql.queries.report.BadQueryException;
import io.funnelql.queries.report.DateRange;
import io.funnelql.queries.report.Grain;

/**
 * One KPI's values over a range, as one version of its definition computes them.
 *
 * @param id the KPI's id
 * @param version the definition version; {@code null}: the latest (with a knownAt, the latest saved by then)
 * @param range inclusive dates in the report time zone; periods overlapping it count whole
 * @param grain the period length
 * @param asOf valid time; {@code null}: now
 * @param knownAt transaction time; {@code null}: now
 * @param weekStart the first day of a week; {@code null}: the configured default
 * @param timeZone the report time zone; {@code null}: the configured default
 */
public record KpiQuery(String id, @Nullable Integer version, DateRange range, Grain grain, @Nullable Instant asOf,
                       @Nullable Instant knownAt, @Nullable DayOfWeek weekStart, @Nullable ZoneId timeZone) {

    public KpiQuery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(grain, "grain");
        id = id.strip();
        if (version != null && version < 1) {
            throw new BadQueryException("A definition version is 1 or more, got " + version);
        }
    }

    /** The latest version's values over a range, by month. */
    public static KpiQuery of(String id, DateRange range) {
        return new KpiQuery(id, null, range, Grain.MONTH, null, null, null, null);
    }

    public KpiQuery withVersion(@Nullable Integer version) {
        return new KpiQuery(id, version, range, grain, asOf, knownAt, weekStart, timeZone);
    }

    public KpiQuery withGrain(Grain grain) {
        return new KpiQuery(id, version, range, grain, asOf, knownAt, weekStart, timeZone);
    }

    public KpiQuery withAsOf(@Nullable Instant asOf) {
        return new KpiQuery(id, version, range, grain, asOf, knownAt, weekStart, timeZone);
    }

    public KpiQuery withKnownAt(@Nullable Instant knownAt) {
        return new KpiQuery(id, version, range, grain, asOf, knownAt, weekStart, timeZone);
    }

    public KpiQuery withWeekStart(@Nullable DayOfWeek weekStart) {
        return new KpiQuery(id, version, range, grain, asOf, knownAt, weekStart, timeZone);
    }

    public KpiQuery withTimeZone(@Nullable ZoneId timeZone) {
        return new KpiQuery(id, version, range, grain, asOf, knownAt, weekStart, timeZone);
    }
}
