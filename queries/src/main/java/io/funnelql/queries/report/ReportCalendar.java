package io.funnelql.queries.report;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The calendar a report is computed in: its time zone, the first day of a week, and the month a fiscal
 * year starts in (QUARTER and YEAR periods follow the fiscal year).
 *
 * <p>All period arithmetic is on calendar dates in {@link #zone()}; {@link #startOf(LocalDate)} turns a
 * date into the instant its day begins there (daylight-saving days are 23 or 25 hours long).
 */
public record ReportCalendar(ZoneId zone, DayOfWeek weekStart, int fiscalYearStartMonth) {

    public ReportCalendar {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(weekStart, "weekStart");
        if (fiscalYearStartMonth < 1 || fiscalYearStartMonth > 12) {
            throw new BadQueryException("The fiscal year start month must be 1 to 12, got " + fiscalYearStartMonth);
        }
    }

    /** The first day of the period of {@code grain} that holds {@code date}. */
    public LocalDate periodStart(LocalDate date, Grain grain) {
        return switch (grain) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(weekStart));
            case MONTH -> date.withDayOfMonth(1);
            case QUARTER -> {
                LocalDate fiscal = toFiscal(date.withDayOfMonth(1));
                yield fromFiscal(fiscal.withMonth((fiscal.getMonthValue() - 1) / 3 * 3 + 1));
            }
            case YEAR -> fromFiscal(toFiscal(date.withDayOfMonth(1)).withMonth(1));
        };
    }

    /** The first day of the period after the one starting on {@code start}. */
    public LocalDate next(LocalDate start, Grain grain) {
        return plus(start, grain, 1);
    }

    /** {@code start} moved by {@code count} periods of {@code grain} (back when negative). */
    public LocalDate plus(LocalDate start, Grain grain, long count) {
        return switch (grain) {
            case DAY -> start.plusDays(count);
            case WEEK -> start.plusWeeks(count);
            case MONTH -> start.plusMonths(count);
            case QUARTER -> start.plusMonths(3 * count);
            case YEAR -> start.plusYears(count);
        };
    }

    /** The label of the period of {@code grain} starting on {@code start}; see {@link Period#label()}. */
    public String label(LocalDate start, Grain grain) {
        return switch (grain) {
            case DAY, WEEK -> start.toString();
            case MONTH -> start.toString().substring(0, 7);
            case QUARTER -> fiscalPrefix(start) + "-Q" + ((toFiscal(start).getMonthValue() - 1) / 3 + 1);
            case YEAR -> fiscalPrefix(start);
        };
    }

    /**
     * Every period of {@code grain} that overlaps {@code range}, whole and in order: a range from
     * 2024-06-15 by MONTH starts with June.
     *
     * @param asOf periods (plus {@code windowDays}) ending after this instant are marked incomplete
     */
    public List<Period> periods(DateRange range, Grain grain, Instant asOf, int windowDays) {
        List<Period> periods = new ArrayList<>();
        for (LocalDate start = periodStart(range.from(), grain); !start.isAfter(range.to()); start = next(start, grain)) {
            periods.add(period(start, grain, asOf, windowDays));
        }
        return periods;
    }

    /** How many periods {@link #periods} would return, without building them. */
    public long countPeriods(DateRange range, Grain grain) {
        LocalDate first = periodStart(range.from(), grain);
        LocalDate last = periodStart(range.to(), grain);
        return switch (grain) {
            case DAY -> java.time.temporal.ChronoUnit.DAYS.between(first, last) + 1;
            case WEEK -> java.time.temporal.ChronoUnit.WEEKS.between(first, last) + 1;
            case MONTH -> java.time.temporal.ChronoUnit.MONTHS.between(first, last) + 1;
            case QUARTER -> java.time.temporal.ChronoUnit.MONTHS.between(first, last) / 3 + 1;
            case YEAR -> java.time.temporal.ChronoUnit.YEARS.between(first, last) + 1;
        };
    }

    /** The period of {@code grain} starting on {@code start}. */
    public Period period(LocalDate start, Grain grain, Instant asOf, int windowDays) {
        LocalDate next = next(start, grain);
        Instant settled = startOf(next).plus(Duration.ofDays(windowDays));
        return new Period(start, next.minusDays(1), label(start, grain), !settled.isAfter(asOf));
    }

    /** The instant {@code date} begins in the report time zone. */
    public Instant startOf(LocalDate date) {
        return date.atStartOfDay(zone).toInstant();
    }

    private String fiscalPrefix(LocalDate start) {
        if (fiscalYearStartMonth == 1) {
            return String.valueOf(start.getYear());
        }
        // A fiscal year is named by the calendar year it ends in: Feb 2024 - Jan 2025 is FY2025.
        return "FY" + fromFiscal(toFiscal(start).withMonth(1)).plusYears(1).minusDays(1).getYear();
    }

    /** Shifts a date so that the fiscal year's first month becomes January. */
    private LocalDate toFiscal(LocalDate date) {
        return date.minusMonths(fiscalYearStartMonth - 1L);
    }

    private LocalDate fromFiscal(LocalDate fiscal) {
        return fiscal.plusMonths(fiscalYearStartMonth - 1L);
    }
}
