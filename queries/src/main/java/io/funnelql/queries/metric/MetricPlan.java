package io.funnelql.queries.metric;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.funnelql.queries.report.BadQueryException;
import io.funnelql.queries.report.Compare;
import io.funnelql.queries.report.Comparison;
import io.funnelql.queries.report.DateRange;
import io.funnelql.queries.report.Dimension;
import io.funnelql.queries.report.Grain;
import io.funnelql.queries.report.KnownSources;
import io.funnelql.queries.report.Period;
import io.funnelql.queries.report.ReportCalendar;
import io.funnelql.queries.report.ReportScope;
import io.funnelql.queries.report.ReportSettings;

/**
 * A metric query with its defaults resolved and its periods laid out: the range's periods and, when it
 * compares, the comparison periods (period i compared with period i).
 *
 * @param zone the report time zone
 * @param weekStart the first day of its weeks
 * @param asOf valid time
 */
public record MetricPlan(ReportCalendar calendar, ZoneId zone, DayOfWeek weekStart, Instant asOf, Grain grain,
                         List<Period> periods, Optional<List<Period>> comparison, List<Dimension> groupBy,
                         List<String> sources, List<String> channels) {

    /** A name filters may use besides the data's sources and channels (the revenue ledger's unattributed group). */
    public static final String UNATTRIBUTED = "unattributed";

    public MetricPlan {
        periods = List.copyOf(periods);
        comparison = comparison.map(List::copyOf);
        groupBy = List.copyOf(groupBy);
        sources = List.copyOf(sources);
        channels = List.copyOf(channels);
    }

    /**
     * Resolves a metric query's options against the workspace's settings and checks them.
     *
     * @param asOf {@code null}: the clock's now
     * @param weekStart {@code null}: the configured default; likewise {@code timeZone}
     * @throws BadQueryException when the range has more periods than allowed, or a filter names an unknown
     *         source or channel ({@value #UNATTRIBUTED} is known)
     */
    public static MetricPlan resolve(ReportSettings settings, Clock clock, KnownSources knownSources, DateRange range,
                                     Grain grain, List<Dimension> groupBy, List<String> sources, List<String> channels,
                                     @Nullable Instant asOf, Compare compare, @Nullable DayOfWeek weekStart,
                                     @Nullable ZoneId timeZone) {
        ZoneId zone = timeZone == null ? settings.timeZone() : timeZone;
        DayOfWeek firstDay = weekStart == null ? settings.weekStart() : weekStart;
        Instant at = asOf == null ? clock.instant() : asOf;
        ReportCalendar calendar = settings.calendar(zone, firstDay);
        long periodCount = calendar.countPeriods(range, grain);
        if (periodCount > settings.maxPeriods()) {
            throw new BadQueryException("The range has " + periodCount + " " + grain.name().toLowerCase(Locale.ROOT)
                    + " periods; a report may have at most " + settings.maxPeriods() + ". Shorten the range or use a longer grain");
        }
        knownSources.check(withoutUnattributed(sources), withoutUnattributed(channels));
        List<Period> periods = calendar.periods(range, grain, at, 0);
        Optional<List<Period>> comparison = Comparison.starts(calendar, periods, grain, compare)
                .map(starts -> starts.stream().map(start -> calendar.period(start, grain, at, 0)).toList());
        return new MetricPlan(calendar, zone, firstDay, at, grain, periods, comparison, groupBy, sources, channels);
    }

    /** The scope of the range, reading the data as known at {@code knownAt} ({@code null}: the current tables). */
    public ReportScope scope(@Nullable Instant knownAt) {
        return new ReportScope(calendar, grain, periods, groupBy, sources, channels, asOf, knownAt);
    }

    /** The scope of the comparison range, when the query compares. */
    public Optional<ReportScope> comparisonScope(@Nullable Instant knownAt) {
        return comparison.map(periods -> scope(knownAt).withPeriods(periods));
    }

    private static List<String> withoutUnattributed(List<String> names) {
        return names.stream().filter(name -> !name.equals(UNATTRIBUTED)).toList();
    }
}
