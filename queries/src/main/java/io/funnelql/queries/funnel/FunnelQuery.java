package io.funnelql.queries.funnel;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.funnelql.queries.report.BadQueryException;
import io.funnelql.queries.report.Compare;
import io.funnelql.queries.report.DateRange;
import io.funnelql.queries.report.Dimension;
import io.funnelql.queries.report.Filters;
import io.funnelql.queries.report.Grain;

/**
 * What a funnel report is asked for; see docs/funnels.md for each option's meaning.
 *
 * @param range inclusive dates in the report time zone; periods overlapping it are reported whole
 * @param grain the period length
 * @param cohort which date puts a contact's stage into a period
 * @param stages the stages to count, in funnel order without repeats
 * @param groupBy the dimensions rows are split by (none: one row per period)
 * @param sources only these canonical sources (empty: all)
 * @param channels only these channels (empty: all)
 * @param cumulative a contact that reached a later stage counts at every earlier one
 * @param withinDays CREATED cohort only: a stage counts only if reached within this many days (of 24 hours)
 *        of creation; {@code null}: no window
 * @param asOf valid time: only contacts created and stage entries dated at or before it count;
 *        {@code null}: now
 * @param knownAt transaction time: only data from loads committed at or before it is used; {@code null}: now
 * @param compare what each value is compared with
 * @param weekStart the first day of a week; {@code null}: the configured default
 * @param timeZone the report time zone; {@code null}: the configured default
 * @param excludeRoleAddresses leave out contacts whose email is a role address ({@link RoleAddresses})
 * @throws BadQueryException when stages are empty, repeated or out of order, groupBy repeats a dimension,
 *         or withinDays is negative, over {@value #MAX_WITHIN_DAYS} or used with the ENTERED cohort
 */
public record FunnelQuery(DateRange range, Grain grain, CohortMode cohort, List<Stage> stages, List<Dimension> groupBy,
                          List<String> sources, List<String> channels, boolean cumulative, @Nullable Integer withinDays,
                          @Nullable Instant asOf, @Nullable Instant knownAt, Compare compare,
                          @Nullable DayOfWeek weekStart, @Nullable ZoneId timeZone, boolean excludeRoleAddresses) {

    /** The longest conversion window: longer than any funnel, short enough for any date arithmetic. */
    public static final int MAX_WITHIN_DAYS = 36_500;

    public FunnelQuery {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(grain, "grain");
        Objects.requireNonNull(cohort, "cohort");
        Objects.requireNonNull(compare, "compare");
        stages = List.copyOf(stages);
        groupBy = Filters.groupBy(groupBy);
        sources = Filters.names(sources);
        channels = Filters.names(channels);
        if (stages.isEmpty()) {
            throw new BadQueryException("Select at least one stage, or leave 'stages' out for all of them");
        }
        for (int i = 1; i < stages.size(); i++) {
            if (stages.get(i).ordinal() <= stages.get(i - 1).ordinal()) {
                throw new BadQueryException("Stages must be in funnel order without repeats ("
                        + Stage.all().stream().map(Enum::name).collect(Collectors.joining(", ")) + "); got "
                        + stages.stream().map(Enum::name).collect(Collectors.joining(", ")));
            }
        }
        if (withinDays != null && withinDays < 0) {
            throw new BadQueryException("withinDays must be 0 or more, got " + withinDays);
        }
        if (withinDays != null && withinDays > MAX_WITHIN_DAYS) {
            throw new BadQueryException("withinDays may be at most " + MAX_WITHIN_DAYS + " (100 years), got " + withinDays);
        }
        if (withinDays != null && cohort != CohortMode.CREATED) {
            throw new BadQueryException("withinDays applies to the CREATED cohort only (days after each contact's "
                    + "creation); remove it or use cohort CREATED");
        }
    }

    /** A query of every contact (role addresses included); the form of the options before role addresses. */
    public FunnelQuery(DateRange range, Grain grain, CohortMode cohort, List<Stage> stages, List<Dimension> groupBy,
                       List<String> sources, List<String> channels, boolean cumulative, @Nullable Integer withinDays,
                       @Nullable Instant asOf, @Nullable Instant knownAt, Compare compare, @Nullable DayOfWeek weekStart,
                       @Nullable ZoneId timeZone) {
        this(range, grain, cohort, stages, groupBy, sources, channels, cumulative, withinDays, asOf, knownAt, compare,
                weekStart, timeZone, false);
    }

    /** A query over a range with every other option at its default. */
    public static FunnelQuery of(DateRange range) {
        return new FunnelQuery(range, Grain.MONTH, CohortMode.CREATED, Stage.all(), List.of(), List.of(), List.of(), true,
                null, null, null, Compare.NONE, null, null, false);
    }

    public FunnelQuery withGrain(Grain grain) {
        return new FunnelQuery(range, grain, cohort, stages, groupBy, sources, channels, cumulative, withinDays, asOf,
                knownAt, compare, weekStart, timeZone, excludeRoleAddresses);
    }

    public FunnelQuery withCohort(CohortMode cohort) {
        return new FunnelQuery(range, grain, cohort, stages, groupBy, sources, channels, cumulative, withinDays, asOf,
                knownAt, compare, weekStart, timeZone, excludeRoleAddresses);
    }

    public FunnelQuery withStages(Stage... stages) {
        return new FunnelQuery(range, grain, cohort, List.of(stages), groupBy, sources, channels, cumulative, withinDays,
                asOf, knownAt, compare, weekStart, timeZone, excludeRoleAddresses);
    }

    public FunnelQuery withGroupBy(Dimension... groupBy) {
        return new FunnelQuery(range, grain, cohort, stages, List.of(groupBy), sources, channels, cumulative, withinDays,
                asOf, knownAt, compare, weekStart, timeZone, excludeRoleAddresses);
    }

    public FunnelQuery withSources(String... sources) {
        return new FunnelQuery(range, grain, cohort, stages, groupBy, List.of(sources), channels, cumulative, withinDays,
                asOf, knownAt, compare, weekStart, timeZone, excludeRoleAddresses);
    }

    public FunnelQuery withChannels(String... channels) {
        return new FunnelQuery(range, grain, cohort, stages, groupBy, sources, List.of(channels), cumulative, withinDays,
                asOf, knownAt, compare, weekStart, timeZone, excludeRoleAddresses);
    }

    public FunnelQuery withCumulative(boolean cumulative) {
        return new FunnelQuery(range, grain, cohort, stages, groupBy, sources, channels, cumulative, withinDays, asOf,
                knownAt, compare, weekStart, timeZone, excludeRoleAddresses);
    }

    public FunnelQuery withWithinDays(@Nullable Integer withinDays) {
        return new FunnelQuery(range, grain, cohort, stages, groupBy, sources, channels, cumulative, withinDays, asOf,
                knownAt, compare, weekStart, timeZone, excludeRoleAddresses);
    }

    public FunnelQuery withAsOf(@Nullable Instant asOf) {
        return new FunnelQuery(range, grain, cohort, stages, groupBy, sources, channels, cumulative, withinDays, asOf,
                knownAt, compare, weekStart, timeZone, excludeRoleAddresses);
    }

    public FunnelQuery withKnownAt(@Nullable Instant knownAt) {
        return new FunnelQuery(range, grain, cohort, stages, groupBy, sources, channels, cumulative, withinDays, asOf,
                knownAt, compare, weekStart, timeZone, excludeRoleAddresses);
    }

    public FunnelQuery withCompare(Compare compare) {
        return new FunnelQuery(range, grain, cohort, stages, groupBy, sources, channels, cumulative, withinDays, asOf,
                knownAt, compare, weekStart, timeZone, excludeRoleAddresses);
    }

    public FunnelQuery withWeekStart(@Nullable DayOfWeek weekStart) {
        return new FunnelQuery(range, grain, cohort, stages, groupBy, sources, channels, cumulative, withinDays, asOf,
                knownAt, compare, weekStart, timeZone, excludeRoleAddresses);
    }

    public FunnelQuery withTimeZone(@Nullable ZoneId timeZone) {
        return new FunnelQuery(range, grain, cohort, stages, groupBy, sources, channels, cumulative, withinDays, asOf,
                knownAt, compare, weekStart, timeZone, excludeRoleAddresses);
    }

    public FunnelQuery withExcludeRoleAddresses(boolean excludeRoleAddresses) {
        return new FunnelQuery(range, grain, cohort, stages, groupBy, sources, channels, cumulative, withinDays, asOf,
                knownAt, compare, weekStart, timeZone, excludeRoleAddresses);
    }
}
