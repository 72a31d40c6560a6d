package io.funnelql.api.kpi;

import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.funnelql.queries.kpi.KpiBoardQuery;
import io.funnelql.queries.report.Grain;
import io.funnelql.queries.report.TimeZones;

/** GraphQL's {@code KpiBoardInput} as sent; every field absent is the configured board's. */
public record KpiBoardInput(@Nullable Grain grain, @Nullable String northStar, @Nullable List<String> kpis,
                            @Nullable List<KpiVersionInput> versions, @Nullable OffsetDateTime asOf,
                            @Nullable OffsetDateTime knownAt, @Nullable DayOfWeek weekStart, @Nullable String timeZone) {

    /** The query this input asks for; the configured board for a missing input. */
    static KpiBoardQuery toQuery(@Nullable KpiBoardInput input) {
        if (input == null) {
            return KpiBoardQuery.configured();
        }
        return new KpiBoardQuery(input.grain, input.northStar, input.kpis == null ? List.of() : input.kpis,
                KpiVersionInput.versions(input.versions), input.asOf == null ? null : input.asOf.toInstant(),
                input.knownAt == null ? null : input.knownAt.toInstant(), input.weekStart,
                input.timeZone == null ? null : TimeZones.parse(input.timeZone));
    }
}
