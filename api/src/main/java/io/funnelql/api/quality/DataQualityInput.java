package io.funnelql.api.quality;

import java.time.DayOfWeek;

import org.jspecify.annotations.Nullable;

import io.funnelql.api.report.DateRangeInput;
import io.funnelql.queries.quality.QualityQuery;
import io.funnelql.queries.report.BadQueryException;
import io.funnelql.queries.report.TimeZones;

/** GraphQL's {@code DataQualityInput} as sent (absent fields are null; GraphQL applies the schema's defaults). */
public record DataQualityInput(@Nullable DateRangeInput range, @Nullable Integer bulkMqlThreshold,
                               @Nullable DayOfWeek weekStart, @Nullable String timeZone) {

    /** The query this input asks for; defaults where a field is absent. */
    public QualityQuery toQuery() {
        if (range == null) {
            throw new BadQueryException("The data-quality report needs a range: {from: \"2024-06-01\", to: \"2024-06-30\"}");
        }
        return new QualityQuery(range.toDateRange(),
                bulkMqlThreshold == null ? QualityQuery.DEFAULT_BULK_MQL_THRESHOLD : bulkMqlThreshold, weekStart,
                timeZone == null ? null : TimeZones.parse(timeZone));
    }
}
