package io.funnelql.queries.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

class ComparisonTests {

    static final ReportCalendar CALENDAR = new ReportCalendar(ZoneId.of("UTC"), DayOfWeek.MONDAY, 1);
    static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void previousPeriodIsTheSameNumberOfPeriodsJustBefore() {
        List<Period> periods = CALENDAR.periods(DateRange.of("2024-07-01", "2024-08-31"), Grain.MONTH, LATER, 0);

        assertThat(Comparison.starts(CALENDAR, periods, Grain.MONTH, Compare.PREVIOUS_PERIOD)).hasValue(
                List.of(LocalDate.parse("2024-05-01"), LocalDate.parse("2024-06-01")));
    }

    @Test
    void previousYearOfAWeekIs52WeeksEarlierOnTheSameWeekday() {
        List<Period> periods = CALENDAR.periods(DateRange.of("2024-06-03", "2024-06-16"), Grain.WEEK, LATER, 0);

        // 2024-06-03 minus 364 days is Monday 2023-06-05; a calendar year back would be a Saturday.
        assertThat(Comparison.starts(CALENDAR, periods, Grain.WEEK, Compare.PREVIOUS_YEAR)).hasValue(
                List.of(LocalDate.parse("2023-06-05"), LocalDate.parse("2023-06-12")));
    }

    @Test
    void previousYearOfAMonthIsTheSameMonth() {
        List<Period> periods = CALENDAR.periods(DateRange.of("2024-02-01", "2024-03-31"), Grain.MONTH, LATER, 0);

        assertThat(Comparison.starts(CALENDAR, periods, Grain.MONTH, Compare.PREVIOUS_YEAR)).hasValue(
                List.of(LocalDate.parse("2023-02-01"), LocalDate.parse("2023-03-01")));
    }

    @Test
    void noComparisonForNone() {
        List<Period> periods = CALENDAR.periods(DateRange.of("2024-02-01", "2024-03-31"), Grain.MONTH, LATER, 0);

        assertThat(Comparison.starts(CALENDAR, periods, Grain.MONTH, Compare.NONE)).isEmpty();
    }
}
