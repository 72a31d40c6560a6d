package io.funnelql.queries.kpi;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an OKR report is asked for.
 *
 * @param quarter any day of the quarter (QUARTER follows the fiscal year); {@code null}: the quarter holding asOf
 * @param kpis the KPIs' ids; empty: every KPI whose metric has a target for the quarter and its sources
 * @param versions definition versions to use instead of the latest (or, with knownAt, the latest saved by then)
 * @param asOf the moment pacing is measured at; {@code null}: now
 * @param knownAt transaction time; {@code null}: now
 * @param weekStart the first day of a week; {@code null}: the configured default
 * @param timeZone the report time zone; {@code null}: the configured default
 */
public record OkrQuery(@Nullable LocalDate quarter, List<String> kpis, List<KpiVersion> versions, @Nullable Instant asOf,
                       @Nullable Instant knownAt, @Nullable DayOfWeek weekStart, @Nullable ZoneId timeZone) {

    public OkrQuery {
        kpis = kpis.stream().map(String::strip).distinct().toList();
        versions = List.copyOf(versions);
    }

    /** The quarter holding {@code day}, every KPI with a target, now. */
    public static OkrQuery of(@Nullable LocalDate day) {
        return new OkrQuery(day, List.of(), List.of(), null, null, null, null);
    }

    public OkrQuery withKpis(String... kpis) {
        return new OkrQuery(quarter, List.of(kpis), versions, asOf, knownAt, weekStart, timeZone);
    }

    public OkrQuery withAsOf(@Nullable Instant asOf) {
        return new OkrQuery(quarter, kpis, versions, asOf, knownAt, weekStart, timeZone);
    }

    public OkrQuery withKnownAt(@Nullable Instant knownAt) {
        return new OkrQuery(quarter, kpis, versions, asOf, knownAt, weekStart, timeZone);
    }

    OkrQuery answered(LocalDate quarter, Instant asOf, DayOfWeek weekStart, ZoneId timeZone) {
        return new OkrQuery(quarter, kpis, versions, asOf, knownAt, weekStart, timeZone);
    }
}
