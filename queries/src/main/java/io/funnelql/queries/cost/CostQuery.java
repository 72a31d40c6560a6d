package io.funnelql.queries.cost;

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
 * What a cost report is asked for; docs/metrics.md ("Cost") defines its numbers.
 *
 * @param range inclusive dates in the report time zone; periods overlapping it are reported whole
 * @param grain the period length
 * @param groupBy the dimensions rows are split by: the source and channel of the spend, the contacts and the
 *        deals' contacts (none: one row per period)
 * @param sources only these sources (empty: all)
 * @param channels only these channels (empty: all)
 * @param asOf valid time: only spend, stage entries and deals dated at or before it count; {@code null}: now
 * @param knownAt transaction time: only data from loads committed at or before it is used; {@code null}: now
 * @param compare what each value is compared with
 * @param weekStart the first day of a week; {@code null}: the configured default
 * @param timeZone the report time zone; {@code null}: the configured default
 * @throws BadQueryException when groupBy repeats a dimension or a filter holds an empty name
 */
public record CostQuery(DateRange range, Grain grain, List<Dimension> groupBy, List<String> sources,
                        List<String> channels, @Nullable Instant asOf, @Nullable Instant knownAt, Compare compare,
                        @Nullable DayOfWeek weekStart, @Nullable ZoneId timeZone) {

    public CostQuery {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(grain, "grain");
        Objects.requireNonNull(compare, "compare");
        groupBy = Filters.groupBy(groupBy);
        sources = Filters.names(sources);
        channels = Filters.names(channels);
    }

    /** A query over a range with every other option at its default (MONTH, no grouping, no comparison). */
    public static CostQuery of(DateRange range) {
        return new CostQuery(range, Grain.MONTH, List.of(), List.of(), List.of(), null, null, Compare.NONE, null, null);
    }

    public CostQuery withGrain(Grain grain) {
        return new CostQuery(range, grain, groupBy, sources, channels, asOf, knownAt, compare, weekStart, timeZone);
    }

    public CostQuery withGroupBy(Dimension... groupBy) {
        return new CostQuery(range, grain, List.of(groupBy), sources, channels, asOf, knownAt, compare, weekStart, timeZone);
    }

    public CostQuery withSources(String... sources) {
        return new CostQuery(range, grain, groupBy, List.of(sources), channels, asOf, knownAt, compare, weekStart, timeZone);
    }

    public CostQuery withChannels(String... channels) {
        return new CostQuery(range, grain, groupBy, sources, List.of(channels), asOf, knownAt, compare, weekStart, timeZone);
    }

    public CostQuery withAsOf(@Nullable Instant asOf) {
        return new CostQuery(range, grain, groupBy, sources, channels, asOf, knownAt, compare, weekStart, timeZone);
    }

    public CostQuery withKnownAt(@Nullable Instant knownAt) {
        return new CostQuery(range, grain, groupBy, sources, channels, asOf, knownAt, compare, weekStart, timeZone);
    }

    public CostQuery withCompare(Compare compare) {
        return new CostQuery(range, grain, groupBy, sources, channels, asOf, knownAt, compare, weekStart, timeZone);
    }

    public CostQuery withWeekStart(@Nullable DayOfWeek weekStart) {
        return new CostQuery(range, grain, groupBy, sources, channels, asOf, knownAt, compare, weekStart, timeZone);
    }

    public CostQuery withTimeZone(@Nullable ZoneId timeZone) {
        return new CostQuery(range, grain, groupBy, sources, channels, asOf, knownAt, compare, weekStart, timeZone);
    }
}
