package io.funnelql.queries.funnel;

import java.time.LocalDate;
import java.util.stream.Collectors;

import io.funnelql.queries.engine.Dialect;
import io.funnelql.queries.engine.Parameters;
import io.funnelql.queries.report.Grain;

/**
 * The funnel statement over the daily rollups instead of the contacts: same columns as {@link FunnelSql},
 * same numbers, a few thousand rows read instead of every contact. Valid only when the report's days are
 * the rollups' days (the workspace time zone), for the current data, with no date after asOf and no
 * conversion window; {@link FunnelService} checks that.
 */
final class FunnelRollupSql {

    private FunnelRollupSql() {
    }

    static String build(Dialect dialect, Parameters parameters, FunnelPlan plan, LocalDate from, LocalDate to) {
        String weekOffset = plan.grain() == Grain.WEEK ? parameters.add(plan.calendar().weekStart().getValue() - 1) : "0";
        String fiscalOffset = plan.grain() == Grain.QUARTER || plan.grain() == Grain.YEAR
                ? parameters.add(plan.calendar().fiscalYearStartMonth() - 1) : "0";
        String period = dialect.periodStartOfDate("day", plan.grain(), weekOffset, fiscalOffset);
        String dimensions = plan.groupBy().stream().map(FunnelSql::dimensionColumn).map(c -> c + ", ").collect(Collectors.joining());
        String range = " WHERE day >= " + parameters.add(from) + " AND day < " + parameters.add(to) + filters(parameters, plan);
        if (plan.cohort() == CohortMode.CREATED) {
            String counts = plan.stages().stream()
                    .map(stage -> "sum(" + createdColumn(stage, plan.cumulative()) + ") AS " + FunnelSql.countColumn(stage))
                    .collect(Collectors.joining(", "));
            return "SELECT " + period + " AS period_start, " + dimensions + counts + " FROM rollup_contacts_created"
                    + range + " GROUP BY ALL";
        }
        String stages = plan.stages().stream().map(s -> String.valueOf(s.ordinal())).collect(Collectors.joining(", "));
        String names = Stage.all().stream().map(s -> "'" + FunnelSql.entryColumn(s) + "'").collect(Collectors.joining(", "));
        return "SELECT list_extract([" + names + "], stage + 1) AS stage, " + period + " AS period_start, " + dimensions
                + "sum(entries) AS n FROM rollup_contacts_entered" + range + " AND cumulative = "
                + parameters.add(plan.cumulative()) + " AND stage IN (" + stages + ") GROUP BY ALL";
    }

    private static String createdColumn(Stage stage, boolean cumulative) {
        if (stage == Stage.CREATED) {
            return "contacts";
        }
        return (cumulative ? "reached_" : "entered_") + stage.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String filters(Parameters parameters, FunnelPlan plan) {
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
}
