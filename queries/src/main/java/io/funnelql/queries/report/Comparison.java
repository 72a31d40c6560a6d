package io.funnelql.queries.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The periods a report's periods are compared with.
 */
public final class Comparison {

    private Comparison() {
    }

    /**
     * The start of the comparison period of each period, in the same order; empty for {@link Compare#NONE}.
     * PREVIOUS_PERIOD: as many periods as the report has, just before its first. PREVIOUS_YEAR: each period
     * one year earlier (DAY and WEEK: 52 weeks, so that weekdays align).
     */
    public static Optional<List<LocalDate>> starts(ReportCalendar calendar, List<Period> periods, Grain grain, Compare compare) {
        if (compare == Compare.NONE || periods.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (compare) {
            case PREVIOUS_PERIOD -> {
                LocalDate first = calendar.plus(periods.get(0).start(), grain, -periods.size());
                yield java.util.stream.IntStream.range(0, periods.size()).mapToObj(i -> calendar.plus(first, grain, i)).toList();
            }
            case PREVIOUS_YEAR -> periods.stream().map(p -> switch (grain) {
                case DAY, WEEK -> p.start().minusWeeks(52);
                case MONTH, QUARTER, YEAR -> p.start().minusYears(1);
            }).toList();
            case NONE -> throw new IllegalStateException();
        });
    }
}
