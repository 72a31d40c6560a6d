package io.funnelql.api.traffic;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.funnelql.queries.report.BadQueryException;
import io.funnelql.queries.report.Compare;
import io.funnelql.queries.report.DateRange;
import io.funnelql.queries.report.Dimension;
import io.funnelql.queries.report.Grain;
import io.funnelql.queries.report.TimeZones;
import io.funnelql.queries.traffic.TrafficQuery;

/**
 * GraphQL's {@code TrafficInput} as sent (absent fields are null; the schema's defaults are applied by
 * GraphQL), and the same JSON the export endpoint takes.
 */
public record TrafficInput(@Nullable DateRangeInput range, @Nullable Grain grain, @Nullable List<Dimension> groupBy,
                           @Nullable List<String> sources, @Nullable List<String> channels, @Nullable OffsetDateTime asOf,
                           @Nullable OffsetDateTime knownAt, @Nullable Compare compare, @Nullable DayOfWeek weekStart,
                           @Nullable String timeZone) {

    /** The query this input asks for; defaults where a field is absent. */
    public TrafficQuery toQuery() {
        if (range == null) {
            throw new BadQueryException("The traffic report needs a range: {from: \"2024-06-01\", to: \"2024-06-30\"}");
        }
        return new TrafficQuery(range.toDateRange(), grain == null ? Grain.MONTH : grain, groupBy == null ? List.of() : groupBy,
                sources == null ? List.of() : sources, channels == null ? List.of() : channels,
                asOf == null ? null : asOf.toInstant(), knownAt == null ? null : knownAt.toInstant(),
                compare == null ? Compare.NONE : compare, weekStart, timeZone == null ? null : TimeZones.parse(timeZone));
    }

    /** GraphQL's {@code DateRange} input. */
    public record DateRangeInput(@Nullable LocalDate from, @Nullable LocalDate to) {

        DateRange toDateRange() {
            if (from == null || to == null) {
                throw new BadQueryException("A range needs both 'from' and 'to' dates");
            }
            return new DateRange(from, to);
        }
    }
}
