package io.funnelql.queries.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportCalendarTests {

    static final ReportCalendar UTC_MONDAY = new ReportCalendar(ZoneId.of("UTC"), DayOfWeek.MONDAY, 1);
    static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");

    @ParameterizedTest(name = "{0} in a {1} week starts {2}")
    @CsvSource({
            // 2024-06-02 is a Sunday, 2024-06-08 a Saturday.
            "2024-06-02, MONDAY,    2024-05-27",
            "2024-06-02, SUNDAY,    2024-06-02",
            "2024-06-08, SUNDAY,    2024-06-02",
            "2024-06-08, MONDAY,    2024-06-03",
            "2024-06-08, SATURDAY,  2024-06-08",
            "2024-06-07, SATURDAY,  2024-06-01",
    })
    void weeksStartOnTheConfiguredDay(LocalDate date, DayOfWeek weekStart, LocalDate start) {
        ReportCalendar calendar = new ReportCalendar(ZoneId.of("UTC"), weekStart, 1);

        assertThat(calendar.periodStart(date, Grain.WEEK)).isEqualTo(start);
    }

    @ParameterizedTest(name = "{0}: fiscal year from month {1} puts it in the quarter of {2} ({3})")
    @CsvSource({
            "2024-01-15, 1, 2024-01-01, 2024-Q1",
            "2024-05-31, 1, 2024-04-01, 2024-Q2",
            // Fiscal year from February: Feb-Apr, May-Jul, Aug-Oct, Nov-Jan; FY named by the year it ends in.
            "2024-01-15, 2, 2023-11-01, FY2024-Q4",
            "2024-02-01, 2, 2024-02-01, FY2025-Q1",
            "2024-04-30, 2, 2024-02-01, FY2025-Q1",
            "2024-12-31, 2, 2024-11-01, FY2025-Q4",
            // Fiscal year from October (US federal): Oct-Dec is Q1 of the next year's FY.
            "2024-10-01, 10, 2024-10-01, FY2025-Q1",
            "2024-09-30, 10, 2024-07-01, FY2024-Q4",
    })
    void quartersFollowTheFiscalYear(LocalDate date, int fiscalStart, LocalDate start, String label) {
        ReportCalendar calendar = new ReportCalendar(ZoneId.of("UTC"), DayOfWeek.MONDAY, fiscalStart);

        assertThat(calendar.periodStart(date, Grain.QUARTER)).isEqualTo(start);
        assertThat(calendar.label(start, Grain.QUARTER)).isEqualTo(label);
    }

    @ParameterizedTest(name = "{0}: fiscal year from month {1} starts {2} ({3})")
    @CsvSource({
            "2024-01-15, 1, 2024-01-01, 2024",
            "2024-01-15, 2, 2023-02-01, FY2024",
            "2024-02-15, 2, 2024-02-01, FY2025",
            "2024-06-30, 7, 2023-07-01, FY2024",
            "2024-07-01, 7, 2024-07-01, FY2025",
    })
    void yearsFollowTheFiscalYear(LocalDate date, int fiscalStart, LocalDate start, String label) {
        ReportCalendar calendar = new ReportCalendar(ZoneId.of("UTC"), DayOfWeek.MONDAY, fiscalStart);

        assertThat(calendar.periodStart(date, Grain.YEAR)).isEqualTo(start);
        assertThat(calendar.label(start, Grain.YEAR)).isEqualTo(label);
    }

    @Test
    void reportsEveryPeriodWholeFromTheOneHoldingTheFirstDay() {
        List<Period> periods = UTC_MONDAY.periods(DateRange.of("2024-06-15", "2024-09-02"), Grain.MONTH, LATER, 0);

        assertThat(periods).extracting(Period::start, Period::end, Period::label).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2024-06-01"), LocalDate.parse("2024-06-30"), "2024-06"),
                org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2024-07-01"), LocalDate.parse("2024-07-31"), "2024-07"),
                org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2024-08-01"), LocalDate.parse("2024-08-31"), "2024-08"),
                org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2024-09-01"), LocalDate.parse("2024-09-30"), "2024-09"));
        assertThat(UTC_MONDAY.countPeriods(DateRange.of("2024-06-15", "2024-09-02"), Grain.MONTH)).isEqualTo(4);
    }

    @Test
    void countsPeriodsWithoutBuildingThem() {
        DateRange range = DateRange.of("2024-01-01", "2024-12-31");

        assertThat(UTC_MONDAY.countPeriods(range, Grain.DAY)).isEqualTo(366);
        // 2024-01-01 is a Monday; 2024-12-31 a Tuesday in the week of 2024-12-30.
        assertThat(UTC_MONDAY.countPeriods(range, Grain.WEEK)).isEqualTo(53);
        assertThat(UTC_MONDAY.countPeriods(range, Grain.QUARTER)).isEqualTo(4);
        assertThat(UTC_MONDAY.countPeriods(range, Grain.YEAR)).isEqualTo(1);
        for (Grain grain : Grain.values()) {
            assertThat(UTC_MONDAY.countPeriods(range, grain)).isEqualTo(UTC_MONDAY.periods(range, grain, LATER, 0).size());
        }
    }

    @Test
    void marksPeriodsNotEndedByAsOfIncomplete() {
        Instant asOf = Instant.parse("2024-07-31T12:00:00Z");

        List<Period> periods = UTC_MONDAY.periods(DateRange.of("2024-06-01", "2024-08-31"), Grain.MONTH, asOf, 0);

        assertThat(periods).extracting(Period::complete).containsExactly(true, false, false);
    }

    @Test
    void aConversionWindowKeepsAPeriodIncompleteUntilItCloses() {
        Instant asOf = Instant.parse("2024-08-15T00:00:00Z");

        // June closes 2024-07-01 + 30 days = 2024-07-31; July closes 2024-08-31.
        List<Period> periods = UTC_MONDAY.periods(DateRange.of("2024-06-01", "2024-07-31"), Grain.MONTH, asOf, 30);

        assertThat(periods).extracting(Period::complete).containsExactly(true, false);
    }

    @Test
    void daysBeginAtMidnightInTheReportTimeZone() {
        ReportCalendar newYork = new ReportCalendar(ZoneId.of("America/New_York"), DayOfWeek.MONDAY, 1);

        assertThat(newYork.startOf(LocalDate.parse("2024-07-01"))).isEqualTo(Instant.parse("2024-07-01T04:00:00Z"));
        assertThat(newYork.startOf(LocalDate.parse("2024-01-01"))).isEqualTo(Instant.parse("2024-01-01T05:00:00Z"));
    }

    @Test
    void refusesAFiscalStartMonthOutsideTheYear() {
        assertThatThrownBy(() -> new ReportCalendar(ZoneId.of("UTC"), DayOfWeek.MONDAY, 13))
                .isInstanceOf(BadQueryException.class).hasMessageContaining("1 to 12");
    }
}
