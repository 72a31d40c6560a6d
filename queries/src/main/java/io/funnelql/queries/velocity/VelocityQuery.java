package io.funnelql.queries.velocity;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.funnelql.queries.funnel.Stage;
import io.funnelql.queries.report.BadQueryException;
import io.funnelql.queries.report.Compare;
import io.funnelql.queries.report.DateRange;
import io.funnelql.queries.report.Dimension;
import io.funnelql.queries.report.Filters;
import io.funnelql.queries.report.Grain;

/**
 * What a velocity report is asked for; docs/metrics.md defines what is measured.
 *
 * @param range inclusive dates in the report time zone: the days the earlier stage was entered on; periods
 *        overlapping it are reported whole
 * @param grain the period length
 * @param fromStage the earlier stage (CREATED for the contact's creation)
 * @param toStage the later stage, after {@code fromStage} in funnel order
 * @param groupBy the dimensions rows are split by (none: one row per period)
 * @param sources only these canonical sources (empty: all)
 * @param channels only these channels (empty: all)
 * @param asOf valid time: only stage entries dated at or before it count; {@code null}: now
 * @param knownAt transaction time: only data from loads committed at or before it is used; {@code null}: now
 * @param compare what each value is compared with
 * @param weekStart the first day of a week; {@code null}: the configured default
 * @param timeZone the report time zone; {@code null}: the configured default
 * @throws BadQueryException when toStage does not come after fromStage, groupBy repeats a dimension or a
 *         filter holds an empty name
 */
public record VelocityQuery(DateRange range, Grain grain, Stage fromStage, Stage toStage, List<Dimension> groupBy,
                            List<String> sources, List<String> channels, @Nullable Instant asOf, @Nullable Instant knownAt,
                            Compare compare, @Nullable DayOfWeek weekStart, @Nullable ZoneId timeZone) {

    public VelocityQuery {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(grain, "grain");
        Objects.requireNonNull(fromStage, "fromStage");
        Objects.requireNonNull(toStage, "toStage");
        Objects.requireNonNull(compare, "compare");
        groupBy = Filters.groupBy(groupBy);
        sources = Filters.names(sources);
        channels = Filters.names(channels);
        if (toStage.ordinal() <= fromStage.ordinal()) {
            throw new BadQueryException("toStage must come after fromStage in funnel order (" + Stage.all() + "); got "
                    + fromStage + " to " + toStage);
        }
    }

    /** A monthly query of the days from one stage to another over a range, every other option at its default. */
    public static VelocityQuery of(DateRange range, Stage fromStage, Stage toStage) {
        return new VelocityQuery(range, Grain.MONTH, fromStage, toStage, List.of(), List.of(), List.of(), null, null,
                Compare.NONE, null, null);
    }

    public VelocityQuery withGrain(Grain grain) {
        return new VelocityQuery(range, grain, fromStage, toStage, groupBy, sources, channels, asOf, knownAt, compare,
                weekStart, timeZone);
    }

    public VelocityQuery withGroupBy(Dimension... groupBy) {
        return new VelocityQuery(range, grain, fromStage, toStage, List.of(groupBy), sources, channels, asOf, knownAt,
                compare, weekStart, timeZone);
    }

    public VelocityQuery withSources(String... sources) {
        return new VelocityQuery(range, grain, fromStage, toStage, groupBy, List.of(sources), channels, asOf, knownAt,
                compare, weekStart, timeZone);
    }

    public VelocityQuery withChannels(String... channels) {
        return new VelocityQuery(range, grain, fromStage, toStage, groupBy, sources, List.of(channels), asOf, knownAt,
                compare, weekStart, timeZone);
    }

    public VelocityQuery withAsOf(@Nullable Instant asOf) {
        return new VelocityQuery(range, grain, fromStage, toStage, groupBy, sources, channels, asOf, knownAt, compare,
                weekStart, timeZone);
    }

    public VelocityQuery withKnownAt(@Nullable Instant knownAt) {
        return new VelocityQuery(range, grain, fromStage, toStage, groupBy, sources, channels, asOf, knownAt, compare,
                weekStart, timeZone);
    }

    public VelocityQuery withCompare(Compare compare) {
        return new VelocityQuery(range, grain, fromStage, toStage, groupBy, sources, channels, asOf, knownAt, compare,
                weekStart, timeZone);
    }

    public VelocityQuery withWeekStart(@Nullable DayOfWeek weekStart) {
        return new VelocityQuery(range, grain, fromStage, toStage, groupBy, sources, channels, asOf, knownAt, compare,
                weekStart, timeZone);
    }

    public VelocityQuery withTimeZone(@Nullable ZoneId timeZone) {
        return new VelocityQuery(range, grain, fromStage, toStage, groupBy, sources, channels, asOf, knownAt, compare,
                weekStart, timeZone);
    }
}
