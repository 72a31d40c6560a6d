package io.funnelql.queries.revenue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.funnelql.queries.report.BadQueryException;
import io.funnelql.queries.report.Compare;
import io.funnelql.queries.report.DateRange;
import io.funnelql.queries.report.Dimension;
import io.funnelql.queries.report.Filters;
import io.funnelql.queries.report.Grain;

/**
 * What a revenue report is asked for; docs/metrics.md ("Revenue") defines its numbers.
 *
 * @param range inclusive dates in the report time zone; periods overlapping it are reported whole
 * @param grain the period length
 * @param groupBy the dimensions rows are split by: the deal's contact's source and channel, or
 *        {@value RevenueLedger#UNATTRIBUTED} (none: one row per period)
 * @param sources only deals of these sources ({@value RevenueLedger#UNATTRIBUTED} included) (empty: all)
 * @param channels only deals of these channels (empty: all)
 * @param asOf valid time: only deals closed and churns dated at or before it count; {@code null}: now
 * @param knownAt transaction time: only data from loads committed at or before it is used; {@code null}: now
 * @param compare what each value is compared with
 * @param weekStart the first day of a week; {@code null}: the configured default
 * @param timeZone the report time zone; {@code null}: the configured default
 * @throws BadQueryException when groupBy repeats a dimension or a filter holds an empty name
 */
public record RevenueQuery(DateRange range, Grain grain, List<Dimension> groupBy, List<String> sources,
                           List<String> channels, @Nullable Instant asOf, @Nullable Instant knownAt, Compare compare,
                           @Nullable DayOfWeek weekStart, @Nullable ZoneId timeZone) {

    public RevenueQuery {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(grain, "grain");
        Objects.requireNonNull(compare, "compare");
        groupBy = Filters.groupBy(groupBy);
        sources = Filters.names(sources);
        channels = Filters.names(channels);
    }

    /** A query over a range with every other option at its default (MONTH, no grouping, no comparison). */
    public static RevenueQuery of(DateRange range) {
        return new RevenueQuery(range, Grain.MONTH, List.of(), List.of(), List.of(), null, null, Compare.NONE, null, null);
    }

    public RevenueQuery withGrain(Grain grain) {
        return new RevenueQuery(range, grain, groupBy, sources, channels, asOf, knownAt, compare, weekStart, timeZone);
    }

    public RevenueQuery withGroupBy(Dimension... groupBy) {
        return new RevenueQuery(range, grain, List.of(groupBy), sources, channels, asOf, knownAt, compare, weekStart, timeZone);
    }

    public RevenueQuery withSources(String... sources) {
        return new RevenueQuery(range, grain, groupBy, List.of(sources), channels, asOf, knownAt, compare, weekStart, timeZone);
    }

    public RevenueQuery withChannels(String... channels) {
        return new RevenueQuery(range, grain, groupBy, sources, List.of(channels), asOf, knownAt, compare, weekStart, timeZone);
    }

    public RevenueQuery withAsOf(@Nullable Instant asOf) {
        return new RevenueQuery(range, grain, groupBy, sources, channels, asOf, knownAt, compare, weekStart, timeZone);
    }

    public RevenueQuery withKnownAt(@Nullable Instant knownAt) {
        return new RevenueQuery(range, grain, groupBy, sources, channels, asOf, knownAt, compare, weekStart, timeZone);
    }

    public RevenueQuery withCompare(Compare compare) {
        return new RevenueQuery(range, grain, groupBy, sources, channels, asOf, knownAt, compare, weekStart, timeZone);
    }

    public RevenueQuery withWeekStart(@Nullable DayOfWeek weekStart) {
        return new RevenueQuery(range, grain, groupBy, sources, channels, asOf, knownAt, compare, weekStart, timeZone);
    }

    public RevenueQuery withTimeZone(@Nullable ZoneId timeZone) {
        return new RevenueQuery(range, grain, groupBy, sources, channels, asOf, knownAt, compare, weekStart, timeZone);
    }
}
