package io.funnelql.api.kpi;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.funnelql.queries.kpi.OkrQuery;
import io.funnelql.queries.report.TimeZones;

/** GraphQL's {@code OkrInput} as sent. */
public record OkrInput(@Nullable LocalDate quarter, @Nullable List<String> kpis, @Nullable List<KpiVersionInput> versions,
                       @Nullable OffsetDateTime asOf, @Nullable OffsetDateTime knownAt, @Nullable DayOfWeek weekStart,
                       @Nullable String timeZone) {

    /** The query this input asks for; the current quarter and every KPI with a target for a missing input. */
    static OkrQuery toQuery(@Nullable OkrInput input) {
        if (input == null) {
            return OkrQuery.of(null);
        }
        return new OkrQuery(input.quarter, input.kpis == null ? List.of() : input.kpis, KpiVersionInput.versions(input.versions),
                input.asOf == null ? null : input.asOf.toInstant(), input.knownAt == null ? null : input.knownAt.toInstant(),
                input.weekStart, input.timeZone == null ? null : TimeZones.parse(input.timeZone));
    }
}
