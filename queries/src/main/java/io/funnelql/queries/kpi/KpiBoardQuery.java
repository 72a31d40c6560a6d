package io.funnelql.queries.kpi;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.funnelql.queries.report.BadQueryException;
import io.funnelql.queries.report.Grain;

/**
 * What a KPI board is asked for; every option not given is the configured board's ({@link KpiBoardSettings}).
 *
 * @param grain the cadence; {@code null}: the configured one (WEEK by default)
 * @param northStar the North Star's id; {@code null}: the configured one
 * @param kpis the KPIs' ids, at most {@value KpiBoardSettings#MAX_KPIS}; empty: the configured ones
 * @param versions definition versions to use instead of the latest (or, with knownAt, the latest saved by then)
 * @param asOf the board's moment: its period is the last one complete by then; {@code null}: now
 * @param knownAt transaction time: data loads and definition versions as known then; {@code null}: now
 * @param weekStart the first day of a week; {@code null}: the configured default
 * @param timeZone the report time zone; {@code null}: the configured default
 */
public record KpiBoardQuery(@Nullable Grain grain, @Nullable String northStar, List<String> kpis, List<KpiVersion> versions,
                            @Nullable Instant asOf, @Nullable Instant knownAt, @Nullable DayOfWeek weekStart,
                            @Nullable ZoneId timeZone) {

    public KpiBoardQuery {
        kpis = kpis.stream().map(String::strip).toList();
        versions = List.copyOf(versions);
        if (kpis.size() > KpiBoardSettings.MAX_KPIS) {
            throw new BadQueryException("A KPI board shows at most " + KpiBoardSettings.MAX_KPIS + " KPIs besides its North Star; "
                    + kpis.size() + " were asked for");
        }
        if (kpis.stream().distinct().count() != kpis.size()) {
            throw new BadQueryException("kpis names a KPI twice: " + kpis);
        }
    }

    /** The configured board, now. */
    public static KpiBoardQuery configured() {
        return new KpiBoardQuery(null, null, List.of(), List.of(), null, null, null, null);
    }

    public KpiBoardQuery withGrain(@Nullable Grain grain) {
        return new KpiBoardQuery(grain, northStar, kpis, versions, asOf, knownAt, weekStart, timeZone);
    }

    public KpiBoardQuery withKpis(String... kpis) {
        return new KpiBoardQuery(grain, northStar, List.of(kpis), versions, asOf, knownAt, weekStart, timeZone);
    }

    public KpiBoardQuery withNorthStar(@Nullable String northStar) {
        return new KpiBoardQuery(grain, northStar, kpis, versions, asOf, knownAt, weekStart, timeZone);
    }

    public KpiBoardQuery withVersions(KpiVersion... versions) {
        return new KpiBoardQuery(grain, northStar, kpis, List.of(versions), asOf, knownAt, weekStart, timeZone);
    }

    public KpiBoardQuery withAsOf(@Nullable Instant asOf) {
        return new KpiBoardQuery(grain, northStar, kpis, versions, asOf, knownAt, weekStart, timeZone);
    }

    public KpiBoardQuery withKnownAt(@Nullable Instant knownAt) {
        return new KpiBoardQuery(grain, northStar, kpis, versions, asOf, knownAt, weekStart, timeZone);
    }

    public KpiBoardQuery withWeekStart(@Nullable DayOfWeek weekStart) {
        return new KpiBoardQuery(grain, northStar, kpis, versions, asOf, knownAt, weekStart, timeZone);
    }

    public KpiBoardQuery withTimeZone(@Nullable ZoneId timeZone) {
        return new KpiBoardQuery(grain, northStar, kpis, versions, asOf, knownAt, weekStart, timeZone);
    }
}
