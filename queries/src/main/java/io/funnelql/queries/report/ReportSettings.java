package io.funnelql.queries.report;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A workspace's report defaults and limits, from configuration.
 *
 * @param timeZone the report time zone when a query names none
 * @param weekStart the first day of a week when a query names none
 * @param fiscalYearStartMonth the month (1-12) fiscal years start in; QUARTER and YEAR follow it
 * @param maxPeriods the most periods one report may have (a query over more is refused)
 * @param maxCells the most period x group rows one report may have
 * @param timeout the longest a report may compute; its statements are cancelled then and the report is refused
 *        (see {@link ReportDeadline})
 */
public record ReportSettings(ZoneId timeZone, DayOfWeek weekStart, int fiscalYearStartMonth, int maxPeriods,
                             int maxCells, Duration timeout) {

    /** How long a report may compute unless configured otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public ReportSettings {
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(weekStart, "weekStart");
        Objects.requireNonNull(timeout, "timeout");
        if (fiscalYearStartMonth < 1 || fiscalYearStartMonth > 12) {
            throw new IllegalArgumentException("fiscal-year-start-month must be 1 to 12, got " + fiscalYearStartMonth);
        }
        if (maxPeriods < 1 || maxCells < 1) {
            throw new IllegalArgumentException("max-periods and max-cells must be positive");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the report timeout must be positive, got " + timeout);
        }
    }

    /** Settings with the {@linkplain #DEFAULT_TIMEOUT default timeout}. */
    public ReportSettings(ZoneId timeZone, DayOfWeek weekStart, int fiscalYearStartMonth, int maxPeriods, int maxCells) {
        this(timeZone, weekStart, fiscalYearStartMonth, maxPeriods, maxCells, DEFAULT_TIMEOUT);
    }

    /** UTC, weeks from Monday, calendar fiscal year, 1,000 periods, 100,000 rows and 30 seconds at most. */
    public static ReportSettings defaults() {
        return new ReportSettings(ZoneId.of("UTC"), DayOfWeek.MONDAY, 1, 1000, 100_000);
    }

    /** The same settings with another timeout. */
    public ReportSettings withTimeout(Duration timeout) {
        return new ReportSettings(timeZone, weekStart, fiscalYearStartMonth, maxPeriods, maxCells, timeout);
    }

    /** The calendar of a report that may override the zone and week start. */
    public ReportCalendar calendar(ZoneId zone, DayOfWeek weekStart) {
        return new ReportCalendar(zone, weekStart, fiscalYearStartMonth);
    }

    /** Starts the clock of one report's {@link #timeout}. */
    public ReportDeadline deadline() {
        return ReportDeadline.start(timeout);
    }
}
