package io.funnelql.queries.engine;

import java.util.List;

import io.funnelql.queries.report.Grain;

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
    public String periodStart(String instant, Grain grain, String zone, String weekOffsetDays, String fiscalOffsetMonths) {
        String local = "timezone(" + zone + ", " + instant + ")";
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
}
