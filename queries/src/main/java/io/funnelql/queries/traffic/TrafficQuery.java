package io.funnelql.queries.traffic;

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
 * What a traffic report is asked for; docs/metrics.md defines each metric.
 *
 * @param range inclusive dates in the report time zone; periods overlapping it are reported whole
 * @param grain the period length
 * @param groupBy the dimensions rows are split by (none: one row per period)
 * @param sources only these canonical sources (empty: all)
 * @param channels only these channels (empty: all)
 * @param asOf valid time: only sessions started and contacts created at or before it count; {@code null}: now
 * @param knownAt transaction time: only data from loads committed at or before it is used; {@code null}: now
 * @param compare what each value is compared with
 * @param weekStart the first day of a week; {@code null}: the configured default
 * @param timeZone the report time zone; {@code null}: the configured default
 * @throws BadQueryException when groupBy repeats a dimension or a filter holds an empty name
 */
public record TrafficQuery(DateRange range, Grain grain, List<Dimension> groupBy, List<String> sources,
                           List<String> channels, @Nullable Instant asOf, @Nullable Instant knownAt, Compare compare,
                           @Nullable DayOfWeek weekStart, @Nullable ZoneId timeZone) {

    public TrafficQuery {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(grain, "grain");
        Objects.requireNonNull(compare, "compare");
        groupBy = Filters.groupBy(groupBy);
        sources = Filters.names(sources);
        channels = Filters.names(channels);
    }

    /** A monthly query over a range with every other option at its default. */
    public static TrafficQuery of(DateRange range) {
        return new TrafficQuery(range, Grain.MONTH, List.of(), List.of(), List.of(), null, null, Compare.NONE, null, null);
    }

    public TrafficQuery withGrain(Grain grain) {
        return new TrafficQuery(range, grain, groupBy, sources, channels, asOf, knownAt, compare, weekStart, timeZone);
    }

    public TrafficQuery withGroupBy(Dimension... groupBy) {
        return new TrafficQuery(range, grain, List.of(groupBy), sources, channels, asOf, knownAt, compare, weekStart, timeZone);
    }

    public TrafficQuery withSources(String... sources) {
        return new TrafficQuery(range, grain, groupBy, List.of(sources), channels, asOf, knownAt, compare, weekStart, timeZone);
    }

    public TrafficQuery withChannels(String... channels) {
        return new TrafficQuery(range, grain, groupBy, sources, List.of(channels), asOf, knownAt, compare, weekStart, timeZone);
    }

    public TrafficQuery withAsOf(@Nullable Instant asOf) {
        return new TrafficQuery(range, grain, groupBy, sources, channels, asOf, knownAt, compare, weekStart, timeZone);
    }

    public TrafficQuery withKnownAt(@Nullable Instant knownAt) {
        return new TrafficQuery(range, grain, groupBy, sources, channels, asOf, knownAt, compare, weekStart, timeZone);
    }

    public TrafficQuery withCompare(Compare compare) {
        return new TrafficQuery(range, grain, groupBy, sources, channels, asOf, knownAt, compare, weekStart, timeZone);
    }

    public TrafficQuery withWeekStart(@Nullable DayOfWeek weekStart) {
        return new TrafficQuery(range, grain, groupBy, sources, channels, asOf, knownAt, compare, weekStart, timeZone);
    }

    public TrafficQuery withTimeZone(@Nullable ZoneId timeZone) {
        return new TrafficQuery(range, grain, groupBy, sources, channels, asOf, knownAt, compare, weekStart, timeZone);
    }
}
