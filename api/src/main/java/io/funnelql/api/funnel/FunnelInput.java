package io.funnelql.api.funnel;

import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.funnelql.api.report.DateRangeInput;
import io.funnelql.queries.funnel.CohortMode;
import io.funnelql.queries.funnel.FunnelQuery;
import io.funnelql.queries.funnel.Stage;
import io.funnelql.queries.report.Compare;
import io.funnelql.queries.report.Dimension;
import io.funnelql.queries.report.Grain;
import io.funnelql.queries.report.TimeZones;

/**
 * GraphQL's {@code FunnelInput} as sent (absent fields are null; the schema's defaults are applied by
 * GraphQL), and the same JSON the export endpoint takes.
 */
public record FunnelInput(DateRangeInput range, @Nullable Grain grain, @Nullable CohortMode cohort,
                          @Nullable List<Stage> stages, @Nullable List<Dimension> groupBy, @Nullable List<String> sources,
                          @Nullable List<String> channels, @Nullable Boolean cumulative, @Nullable Integer withinDays,
                          @Nullable OffsetDateTime asOf, @Nullable OffsetDateTime knownAt, @Nullable Compare compare,
                          @Nullable DayOfWeek weekStart, @Nullable String timeZone, @Nullable Boolean excludeRoleAddresses) {

    /** The query this input asks for; defaults where a field is absent. */
    public FunnelQuery toQuery() {
        if (range == null) {
            throw new io.funnelql.queries.report.BadQueryException("The funnel needs a range: {from: \"2024-06-01\", to: \"2024-06-30\"}");
        }
        return new FunnelQuery(range.toDateRange(), grain == null ? Grain.MONTH : grain,
                cohort == null ? CohortMode.CREATED : cohort, stages == null ? Stage.all() : stages,
                groupBy == null ? List.of() : groupBy, sources == null ? List.of() : sources,
                channels == null ? List.of() : channels, cumulative == null || cumulative, withinDays,
                asOf == null ? null : asOf.toInstant(), knownAt == null ? null : knownAt.toInstant(),
                compare == null ? Compare.NONE : compare, weekStart, timeZone == null ? null : TimeZones.parse(timeZone),
                excludeRoleAddresses != null && excludeRoleAddresses);
    }
}
