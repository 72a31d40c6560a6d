package io.funnelql.queries.engine;

import java.util.List;

import io.funnelql.queries.report.Grain;
import io.funnelql.warehouse.time.ZoneShift;

/** DuckDB's SQL. */
public final class DuckDbDialect implements Dialect {

    public static final DuckDbDialect INSTANCE = new DuckDbDialect();

    private DuckDbDialect() {
    }

    @Override
    public String parameter(int index) {
        return "$" + index;
    }

    @Override
    public String periodStart(String instant, Grain grain, ZoneShift zone, String weekOffsetDays, String fiscalOffsetMonths) {
        return truncate(localTimestamp(instant, zone), grain, weekOffsetDays, fiscalOffsetMonths);
    }

    @Override
    public String periodStartOfDate(String date, Grain grain, String weekOffsetDays, String fiscalOffsetMonths) {
        return grain == Grain.DAY ? date : truncate("CAST(" + date + " AS TIMESTAMP)", grain, weekOffsetDays, fiscalOffsetMonths);
    }

    /** The first day of the period holding a local TIMESTAMP, as a DATE. */
    private static String truncate(String local, Grain grain, String weekOffsetDays, String fiscalOffsetMonths) {
        return switch (grain) {
            case DAY -> "CAST(" + local + " AS DATE)";
            case WEEK -> "CAST(date_trunc('week', " + local + " - to_days(" + weekOffsetDays + ")) + to_days("
                    + weekOffsetDays + ") AS DATE)";
            case MONTH -> "CAST(date_trunc('month', " + local + ") AS DATE)";
            case QUARTER -> "CAST(date_trunc('quarter', " + local + " - to_months(" + fiscalOffsetMonths + ")) + to_months("
                    + fiscalOffsetMonths + ") AS DATE)";
            case YEAR -> "CAST(date_trunc('year', " + local + " - to_months(" + fiscalOffsetMonths + ")) + to_months("
                    + fiscalOffsetMonths + ") AS DATE)";
        };
    }

    /**
     * Local wall-clock time as a TIMESTAMP, by adding the zone's offset to the instant's microseconds:
     * several times faster than {@code timezone()} per row.
     */
    private static String localTimestamp(String instant, ZoneShift zone) {
        return "make_timestamp(" + zone.localMicros("epoch_us(" + instant + ")") + ")";
    }

    @Override
    public String plusDays(String instant, String days) {
        return "(" + instant + " + to_hours(24 * " + days + "))";
    }

    @Override
    public String quantile(String expression, double fraction) {
        return "quantile_cont(" + expression + ", " + fraction + ")";
    }

    @Override
    public String unpivot(String relation, List<String> columns, String nameColumn, String valueColumn) {
        return "(UNPIVOT " + relation + " ON " + String.join(", ", columns) + " INTO NAME " + nameColumn
                + " VALUE " + valueColumn + ")";
    }

    @Override
    public String epochMicros(String instant) {
        return "epoch_us(" + instant + ")";
    }
}
