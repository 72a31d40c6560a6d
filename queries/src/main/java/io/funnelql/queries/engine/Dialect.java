package io.funnelql.queries.engine;

import io.funnelql.queries.report.Grain;
import io.funnelql.warehouse.time.ZoneShift;

/**
 * The SQL that differs between engines. Every method returns a fixed fragment around the expressions
 * and parameter placeholders it is given; none takes user text.
 */
public interface Dialect {

    /** A placeholder for bound parameter {@code index} (1-based), which may appear several times. */
    String parameter(int index);

    /**
     * The first day (a DATE) of the period of {@code grain} holding an instant, in local time.
     *
     * @param instant a TIMESTAMPTZ expression
     * @param zone the zone's offsets over the instants the expression can take
     * @param weekOffsetDays a parameter holding how many days the week start is after Monday (0-6)
     * @param fiscalOffsetMonths a parameter holding how many months the fiscal year start is after January (0-11)
     */
    String periodStart(String instant, Grain grain, ZoneShift zone, String weekOffsetDays, String fiscalOffsetMonths);

    /**
     * The first day (a DATE) of the period of {@code grain} holding a local date.
     *
     * @param date a DATE expression (a day in the report time zone)
     */
    String periodStartOfDate(String date, Grain grain, String weekOffsetDays, String fiscalOffsetMonths);

    /** An instant plus a number of days of 24 hours. */
    String plusDays(String instant, String days);

    /** The {@code fraction} quantile (0..1) of a numeric expression, interpolating between values. */
    String quantile(String expression, double fraction);

    /**
     * One row per non-null value of the listed columns of a relation, with the column's name in {@code nameColumn}
     * and its value in {@code valueColumn}; the relation's other columns are kept.
     */
    String unpivot(String relation, java.util.List<String> columns, String nameColumn, String valueColumn);

    /** Microseconds since 1970-01-01T00:00Z of an instant, as a 64-bit integer. */
    String epochMicros(String instant);
}
