package io.funnelql.api.cost;

import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.funnelql.api.report.DateRangeInput;
import io.funnelql.api.revenue.RevenueInput;
import io.funnelql.queries.cost.CostQuery;
import io.funnelql.queries.report.Compare;
import io.funnelql.queries.report.Dimension;
import io.funnelql.queries.report.Grain;
import io.funnelql.queries.report.TimeZones;

/**
 * GraphQL's {@code CostInput} as sent (absent fields are null; the schema's defaults are applied by
 * GraphQL), and the same JSON the export endpoint takes.
 */
public record CostInput(DateRangeInput range, @Nullable Grain grain, @Nullable List<Dimension> groupBy,
                        @Nullable List<String> sources, @Nullable List<String> channels, @Nullable OffsetDateTime asOf,
                        @Nullable OffsetDateTime knownAt, @Nullable Compare compare, @Nullable DayOfWeek weekStart,
                        @Nullable String timeZone) {

    /** The query this input asks for; defaults where a field is absent. */
    public CostQuery toQuery() {
        return new CostQuery(RevenueInput.range(range, "cost"), grain == null ? Grain.MONTH : grain,
                groupBy == null ? List.of() : groupBy, sources == null ? List.of() : sources,
                channels == null ? List.of() : channels, asOf == null ? null : asOf.toInstant(),
                knownAt == null ? null : knownAt.toInstant(), compare == null ? Compare.NONE : compare, weekStart,
                timeZone == null ? null : TimeZones.parse(timeZone));
    }
}
