package io.funnelql.queries.metric;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.funnelql.queries.engine.Dialect;
import io.funnelql.queries.engine.Parameters;
import io.funnelql.queries.report.Dimension;
import io.funnelql.queries.report.Grain;
import io.funnelql.queries.report.Grid;
import io.funnelql.queries.report.Period;
import io.funnelql.queries.report.ReportScope;

/**
 * SQL fragments that metric reports share: the group columns, the source and channel filters, and the
 * periods as a relation. Values go through parameters; only column names written by the caller appear
 * as text.
 */
public final class ScopeSql {

    private ScopeSql() {
    }

    /**
     * {@code <column> AS source, <column> AS channel}, each NULL when the scope is not grouped by it, as
     * {@link Grid} expects.
     */
    public static String groupColumns(ReportScope scope, String sourceColumn, String channelColumn) {
        return (scope.groupsBy(Dimension.SOURCE) ? sourceColumn : "CAST(NULL AS VARCHAR)") + " AS source, "
                + (scope.groupsBy(Dimension.CHANNEL) ? channelColumn : "CAST(NULL AS VARCHAR)") + " AS channel";
    }

    /** {@code AND <source> IN (...) AND <channel> IN (...)} for the scope's filters; empty without filters. */
    public static String filters(Parameters parameters, ReportScope scope, String sourceColumn, String channelColumn) {
        StringBuilder filters = new StringBuilder();
        if (!scope.sources().isEmpty()) {
            filters.append(" AND ").append(sourceColumn).append(" IN (")
                    .append(scope.sources().stream().map(parameters::add).collect(Collectors.joining(", "))).append(")");
        }
        if (!scope.channels().isEmpty()) {
            filters.append(" AND ").append(channelColumn).append(" IN (")
                    .append(scope.channels().stream().map(parameters::add).collect(Collectors.joining(", "))).append(")");
        }
        return filters.toString();
    }

    /**
     * The periods as a relation {@code (period_start DATE, starts_us BIGINT, ends_us BIGINT)}: each period's
     * first day and the instants it begins and ends (exclusive), in microseconds since the epoch.
     */
    public static String periods(Parameters parameters, ReportScope scope) {
        List<String> rows = new ArrayList<>();
        for (Period period : scope.periods()) {
            rows.add("(CAST(" + parameters.add(period.start()) + " AS DATE), CAST("
                    + parameters.add(micros(scope.calendar().startOf(period.start()))) + " AS BIGINT), CAST("
                    + parameters.add(micros(scope.calendar().startOf(period.end().plusDays(1)))) + " AS BIGINT))");
        }
        return "(SELECT * FROM (VALUES " + String.join(", ", rows) + ") p(period_start, starts_us, ends_us))";
    }

    /** Microseconds since the epoch. */
    public static long micros(java.time.Instant instant) {
        return java.time.temporal.ChronoUnit.MICROS.between(java.time.Instant.EPOCH, instant);
    }

    /**
     * The placeholder of the week start offset (days after Monday) when the grain is WEEK, else a literal
     * 0: DuckDB numbers parameters by the highest one used, so only parameters the SQL uses are bound.
     */
    public static String weekOffset(Parameters parameters, ReportScope scope) {
        return scope.grain() == Grain.WEEK ? parameters.add(scope.calendar().weekStart().getValue() - 1) : "0";
    }

    /** The placeholder of the fiscal year's offset (months after January) for QUARTER and YEAR, else 0. */
    public static String fiscalOffset(Parameters parameters, ReportScope scope) {
        return scope.grain() == Grain.QUARTER || scope.grain() == Grain.YEAR
                ? parameters.add(scope.calendar().fiscalYearStartMonth() - 1) : "0";
    }

    /** The first day (a DATE) of the period holding an instant expression. */
    public static String periodOf(Dialect dialect, ReportScope scope, String instant, String weekOffset, String fiscalOffset) {
        return dialect.periodStart(instant, scope.grain(), scope.zoneShift(), weekOffset, fiscalOffset);
    }

    /** An instant as the TIMESTAMPTZ value to bind. */
    public static java.time.OffsetDateTime timestamp(java.time.Instant instant) {
        return java.time.OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.UTC);
    }

    /**
     * Replaces each {@code {name}} of a SQL template with its fragment (SQL written by the caller: relation
     * names, expressions and parameter placeholders, never user text).
     *
     * @throws IllegalStateException when a placeholder is left unfilled
     */
    public static String fill(String template, java.util.Map<String, String> values) {
        String sql = template;
        for (java.util.Map.Entry<String, String> value : values.entrySet()) {
            sql = sql.replace("{" + value.getKey() + "}", value.getValue());
        }
        java.util.regex.Matcher unfilled = java.util.regex.Pattern.compile("\\{[a-zA-Z]+}").matcher(sql);
        if (unfilled.find()) {
            throw new IllegalStateException("unfilled placeholder " + unfilled.group());
        }
        return sql;
    }
}
