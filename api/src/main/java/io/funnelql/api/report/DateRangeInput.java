package io.funnelql.api.report;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.funnelql.queries.report.BadQueryException;
import io.funnelql.queries.report.DateRange;

/** GraphQL's {@code DateRange} input (and the same JSON in exports), as sent. */
public record DateRangeInput(@Nullable LocalDate from, @Nullable LocalDate to) {

    /** @throws BadQueryException when a date is missing or {@code to} is before {@code from} */
    public DateRange toDateRange() {
        if (from == null || to == null) {
            throw new BadQueryException("A range needs both 'from' and 'to' dates, such as {from: \"2024-06-01\", to: \"2024-06-30\"}");
        }
        return new DateRange(from, to);
    }
}
