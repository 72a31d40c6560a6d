package io.funnelql.queries.report;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Inclusive calendar dates {@code from}..{@code to} in the report time zone.
 *
 * @throws BadQueryException if {@code to} is before {@code from}
 */
public record DateRange(LocalDate from, LocalDate to) {

    public DateRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new BadQueryException("The range ends (" + to + ") before it starts (" + from
                    + "); give 'to' on or after 'from'");
        }
    }

    public static DateRange of(String from, String to) {
        return new DateRange(LocalDate.parse(from), LocalDate.parse(to));
    }
}
