package io.funnelql.queries.funnel;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.funnelql.queries.engine.Dialect;
import io.funnelql.queries.engine.Parameters;
import io.funnelql.queries.report.Dimension;
import io.funnelql.queries.report.Grain;
import io.funnelql.warehouse.time.ZoneShift;
import io.funnelql.warehouse.CurrentState;
import io.funnelql.warehouse.Dataset;

/**
 * The one statement that counts a funnel over a range of instants.
 *
 * <p>CREATED cohort: one row per creation period and group, with a count per stage. ENTERED: one row per
 * stage, entry period and group. A stage's entry instant is its own date, or under the cumulative view
 * the first date in funnel order among it and the later stages; only dates at or before asOf count.
 */
final class FunnelSql {

    private FunnelSql() {
    }

    /** Column alias of a stage's count (CREATED cohort). */
    static String countColumn(Stage stage) {
        return "n_" + stage.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Column alias of a stage's entry instant. */
    static String entryColumn(Stage stage) {
        return "e_" + stage.name().toLowerCase(java.util.Locale.ROOT);
    }

    static String build(Dialect dialect, Parameters parameters, FunnelPlan plan, Instant from, Instant to) {
        String asOf = plan.filterAsOf() ? parameters.add(timestamp(plan.asOf())) : null;
        String relation = plan.knownAt() == null
                ? CurrentState.now(Dataset.CONTACTS)
                : CurrentState.knownAt(Dataset.CONTACTS, parameters.add(timestamp(plan.knownAt())));
        ZoneShift zone = ZoneShift.of(plan.calendar().zone(), from, to);
        // Bound only when the grain uses them: DuckDB numbers parameters by the highest one used.
        String weekOffset = plan.grain() == Grain.WEEK ? parameters.add(plan.calendar().weekStart().getValue() - 1) : "0";
        String fiscalOffset = plan.grain() == Grain.QUARTER || plan.grain() == Grain.YEAR
                ? parameters.add(plan.calendar().fiscalYearStartMonth() - 1) : "0";
        String dimensions = plan.groupBy().stream().map(FunnelSql::dimensionColumn).map(c -> c + ", ").collect(Collectors.joining());
        String filters = filters(parameters, plan);
        String fromParameter = parameters.add(timestamp(from));
        String toParameter = parameters.add(timestamp(to));

        List<String> entries = new ArrayList<>();
        for (Stage stage : plan.stages()) {
            if (stage != Stage.CREATED) {
                entries.add(entry(stage, plan.cumulative(), asOf) + " AS " + entryColumn(stage));
            }
        }
        if (plan.cohort() == CohortMode.CREATED) {
            String period = dialect.periodStart("created_at", plan.grain(), zone, weekOffset, fiscalOffset);
            // Bound only when a stage besides CREATED uses it: a parameter the SQL does not use is an error in DuckDB.
            boolean windowed = plan.withinDays() != null && plan.stages().stream().anyMatch(stage -> stage != Stage.CREATED);
            String window = windowed ? dialect.plusDays("created_at", parameters.add(plan.withinDays())) : null;
            String counts = plan.stages().stream().map(stage -> count(stage, window) + " AS " + countColumn(stage))
                    .collect(Collectors.joining(", "));
            return "WITH c AS (SELECT " + dimensions + "created_at" + entries.stream().map(e -> ", " + e).collect(Collectors.joining())
                    + " FROM " + relation + " WHERE created_at >= " + fromParameter + " AND created_at < " + toParameter
                    + createdByAsOf(asOf) + filters + ")\n"
                    + "SELECT " + period + " AS period_start, " + dimensions + counts + " FROM c GROUP BY ALL";
        }
        List<String> unpivoted = plan.stages().stream().map(FunnelSql::entryColumn).toList();
        List<String> columns = new ArrayList<>();
        if (plan.stages().contains(Stage.CREATED)) {
            columns.add("created_at AS " + entryColumn(Stage.CREATED));
        }
        columns.addAll(entries);
        String period = dialect.periodStart("entered", plan.grain(), zone, weekOffset, fiscalOffset);
        return "WITH c AS (SELECT " + dimensions + String.join(", ", columns) + " FROM " + relation
                + " WHERE true" + createdByAsOf(asOf) + filters + ")\n"
                + "SELECT stage, " + period + " AS period_start, " + dimensions + "count(*) AS n FROM "
                + dialect.unpivot("c", unpivoted, "stage", "entered")
                + " WHERE entered >= " + fromParameter + " AND entered < " + toParameter + " GROUP BY ALL";
    }

    private static String createdByAsOf(@Nullable String asOf) {
        return asOf == null ? "" : " AND created_at <= " + asOf;
    }

    /**
     * The instant a contact counts as having entered {@code stage}; NULL when it has not (by asOf, when
     * {@code asOf} is given).
     */
    private static String entry(Stage stage, boolean cumulative, @Nullable String asOf) {
        List<Stage> candidates = cumulative ? stage.andLater() : List.of(stage);
        List<String> dated = candidates.stream()
                .map(s -> asOf == null ? s.column() : "CASE WHEN " + s.column() + " <= " + asOf + " THEN " + s.column() + " END").toList();
        return dated.size() == 1 ? dated.get(0) : "coalesce(" + String.join(", ", dated) + ")";
    }

    private static String count(Stage stage, @Nullable String window) {
        if (stage == Stage.CREATED) {
            return "count(*)";
        }
        if (window == null) {
            return "count(" + entryColumn(stage) + ")";
        }
        return "count(*) FILTER (WHERE " + entryColumn(stage) + " <= " + window + ")";
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
        if (plan.excludeRoleAddresses()) {
            filters.append(RoleAddresses.excluded(parameters, "email"));
        }
        return filters.toString();
    }

    static String dimensionColumn(Dimension dimension) {
        return switch (dimension) {
            case SOURCE -> "source";
            case CHANNEL -> "channel";
        };
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
