package io.funnelql.queries.velocity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

import io.funnelql.queries.engine.Dialect;
import io.funnelql.queries.engine.Parameters;
import io.funnelql.queries.report.Dimension;
import io.funnelql.queries.report.Grain;
import io.funnelql.queries.report.Grid;
import io.funnelql.warehouse.time.ZoneShift;
import io.funnelql.warehouse.CurrentState;
import io.funnelql.warehouse.Dataset;

/**
 * The one statement of a velocity report: for the contacts whose earlier stage (its own date) lies in the
 * range and whose later stage (its own date) is set, both by asOf, the days between the two, their count
 * and percentiles per period and group, per group and in total ({@link Grid} sets, each computed on its
 * own contacts, never from the others). Days below zero are counted apart as out of order.
 */
final class VelocitySql {

    /** Microseconds in a day of 24 hours. */
    private static final String DAY_MICROS = "86400000000.0";

    private VelocitySql() {
    }

    static String build(Dialect dialect, Parameters parameters, VelocityPlan plan, Instant from, Instant to) {
        String relation = plan.knownAt() == null
                ? CurrentState.now(Dataset.CONTACTS)
                : CurrentState.knownAt(Dataset.CONTACTS, parameters.add(timestamp(plan.knownAt())));
        ZoneShift zone = ZoneShift.of(plan.calendar().zone(), from, to);
        String weekOffset = plan.grain() == Grain.WEEK ? parameters.add(plan.calendar().weekStart().getValue() - 1) : "0";
        String fiscalOffset = plan.grain() == Grain.QUARTER || plan.grain() == Grain.YEAR
                ? parameters.add(plan.calendar().fiscalYearStartMonth() - 1) : "0";
        String entered = plan.fromStage().column();
        String reached = plan.toStage().column();
        String asOf = parameters.add(timestamp(plan.asOf()));
        String where = entered + " >= " + parameters.add(timestamp(from)) + " AND " + entered + " < " + parameters.add(timestamp(to))
                + " AND " + entered + " <= " + asOf + " AND " + reached + " <= " + asOf + filters(parameters, plan);
        String days = "(epoch_us(" + reached + ") - epoch_us(" + entered + ")) / " + DAY_MICROS;
        String inOrder = " FILTER (WHERE days >= 0)";
        return "WITH c AS (SELECT " + dialect.periodStart(entered, plan.grain(), zone, weekOffset, fiscalOffset) + " AS period_start, "
                + groupColumns(plan.groupBy()) + ", " + days + " AS days FROM " + relation + " WHERE " + where + ")\n"
                + "SELECT " + Grid.SET_ID + ", period_start, source, channel, count(*)" + inOrder + " AS contacts, "
                + "coalesce(" + dialect.quantile("days", 0.5) + inOrder + ", 0) AS median_days, "
                + "coalesce(" + dialect.quantile("days", 0.75) + inOrder + ", 0) AS p75_days, "
                + "coalesce(" + dialect.quantile("days", 0.9) + inOrder + ", 0) AS p90_days, "
                + "count(*) FILTER (WHERE days < 0) AS out_of_order FROM c " + Grid.groupingSets(plan.groupBy());
    }

    private static String groupColumns(List<Dimension> groupBy) {
        return (groupBy.contains(Dimension.SOURCE) ? "source" : "CAST(NULL AS VARCHAR) AS source") + ", "
                + (groupBy.contains(Dimension.CHANNEL) ? "channel" : "CAST(NULL AS VARCHAR) AS channel");
    }

    private static String filters(Parameters parameters, VelocityPlan plan) {
        StringBuilder filters = new StringBuilder();
        if (!plan.sources().isEmpty()) {
            filters.append(" AND source IN (").append(plan.sources().stream().map(parameters::add)
                    .collect(Collectors.joining(", "))).append(")");
        }
        if (!plan.channels().isEmpty()) {
            filters.append(" AND channel IN (").append(plan.channels().stream().map(parameters::add)
                    .collect(Collectors.joining(", "))).append(")");
        }
        return filters.toString();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
