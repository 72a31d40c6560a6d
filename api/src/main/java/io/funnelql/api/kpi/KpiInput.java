package io.funnelql.api.kpi;

import java.time.DayOfWeek;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

import io.funnelql.api.report.DateRangeInput;
import io.funnelql.queries.kpi.KpiQuery;
import io.funnelql.queries.report.BadQueryException;
import io.funnelql.queries.report.Grain;
import io.funnelql.queries.report.TimeZones;

/** GraphQL's {@code KpiInput} as sent. */
public record KpiInput(@Nullable String id, @Nullable Integer version, @Nullable DateRangeInput range, @Nullable Grain grain,
                       @Nullable OffsetDateTime asOf, @Nullable OffsetDateTime knownAt, @Nullable DayOfWeek weekStart,
                       @Nullable String timeZone) {

    KpiQuery toQuery() {
        if (id == null || range == null) {
            throw new BadQueryException("A KPI report needs the KPI's id and a range, such as {id: \"mqls\", range: "
                    + "{from: \"2024-06-01\", to: \"2024-06-30\"}}");
        }
        return new KpiQuery(id, version, range.toDateRange(), grain == null ? Grain.MONTH : grain,
                asOf == null ? null : asOf.toInstant(), knownAt == null ? null : knownAt.toInstant(), weekStart,
                timeZone == null ? null : TimeZones.parse(timeZone));
    }
}
