package io.funnelql.queries.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.funnelql.warehouse.time.ZoneShift;

/**
 * A metric report's query with every default resolved, as its SQL needs it: the calendar and the periods
 * to aggregate (the report's, or its comparison periods), the grouping and filters, and the valid and
 * transaction times.
 *
 * @param periods the periods, consecutive and in order; at least one
 * @param asOf valid time: only facts dated at or before it count
 * @param knownAt transaction time to rebuild the data at; {@code null}: the current tables answer
 */
public record ReportScope(ReportCalendar calendar, Grain grain, List<Period> periods, List<Dimension> groupBy,
                          List<String> sources, List<String> channels, Instant asOf, @Nullable Instant knownAt) {

    public ReportScope {
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(grain, "grain");
        Objects.requireNonNull(asOf, "asOf");
        periods = List.copyOf(periods);
        groupBy = List.copyOf(groupBy);
        sources = List.copyOf(sources);
        channels = List.copyOf(channels);
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("a report scope needs at least one period");
        }
    }

    /** The same scope over other periods (a comparison range's). */
    public ReportScope withPeriods(List<Period> periods) {
        return new ReportScope(calendar, grain, periods, groupBy, sources, channels, asOf, knownAt);
    }

    /** The first day of the first period. */
    public LocalDate firstDay() {
        return periods.get(0).start();
    }

    /** The day after the last period (exclusive end). */
    public LocalDate endDay() {
        return periods.get(periods.size() - 1).end().plusDays(1);
    }

    /** The instant the first period begins, in the report time zone. */
    public Instant from() {
        return calendar.startOf(firstDay());
    }

    /** The instant the last period ends (exclusive). */
    public Instant to() {
        return calendar.startOf(endDay());
    }

    /** The offsets of the report time zone over the periods. */
    public ZoneShift zoneShift() {
        return ZoneShift.of(calendar.zone(), from(), to());
    }

    /** The position of each period, by its first day. */
    public Map<LocalDate, Integer> periodIndex() {
        Map<LocalDate, Integer> index = new HashMap<>();
        for (int i = 0; i < periods.size(); i++) {
            index.put(periods.get(i).start(), i);
        }
        return index;
    }

    /** True when rows are split by the dimension. */
    public boolean groupsBy(Dimension dimension) {
        return groupBy.contains(dimension);
    }
}
