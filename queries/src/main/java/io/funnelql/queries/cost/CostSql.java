package io.funnelql.queries.cost;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.funnelql.queries.engine.Dialect;
import io.funnelql.queries.engine.Parameters;
import io.funnelql.queries.funnel.Stage;
import io.funnelql.queries.metric.ScopeSql;
import io.funnelql.queries.report.Grid;
import io.funnelql.queries.report.ReportScope;
import io.funnelql.queries.revenue.RevenueLedger;
import io.funnelql.warehouse.CurrentState;
import io.funnelql.warehouse.Dataset;

/**
 * The one statement of a cost report over a scope: the spend and the stage entries of each period and group
 * ({@code activity}), beside the revenue ledger of the same periods and groups, aggregated together.
 *
 * <p>Stage entries are counted as the ENTERED funnel counts them, cumulatively: a stage's entry is its own
 * date or, when skipped, the first later stage's; only contacts created and dates at or before asOf count.
 * They come from the contacts, or from the funnel's daily rollup when it holds the same numbers.
 */
final class CostSql {

    /** The stages counted, in funnel order, and the activity column counting each one's entries. */
    private static final List<Stage> STAGES = List.of(Stage.CREATED, Stage.LEAD, Stage.MQL, Stage.CUSTOMER);
    private static final Map<Stage, String> COUNTS = Map.of(Stage.CREATED, "new_contacts", Stage.LEAD, "leads",
            Stage.MQL, "mqls", Stage.CUSTOMER, "new_customers");

    private static final String STAGE_ENTRIES = """
            , entry AS (
                SELECT {groups}, {entries}
                FROM {contacts} WHERE created_at <= {asOf}{filters}
            ), stages AS (
                SELECT {entryPeriod} AS period_start, source, channel, {entryCounts}
                FROM {unpivoted} WHERE entered >= {from} AND entered < {to}
                GROUP BY ALL
            )""";

    /** The same counts from the funnel's daily rollup of cumulative stage entries (stage = its position). */
    private static final String ROLLUP_STAGE_ENTRIES = """
            , stages AS (
                SELECT {dayPeriod} AS period_start, {groups}, {rollupCounts}
                FROM rollup_contacts_entered
                WHERE cumulative AND day >= {firstDay} AND day < {endDay}{filters}
                GROUP BY ALL
            )""";

    private static final String ACTIVITY = """
            , activity AS (
                SELECT period_start, source, channel, {stageColumns}, 0 AS spend FROM stages
                UNION ALL
                SELECT {spendPeriod} AS period_start, {groups}, {noCounts}, sum(amount) AS spend
                FROM {spend} WHERE date >= {firstDay} AND date < {endDay} AND date <= {asOfDay}{filters}
                GROUP BY ALL
            ), combined AS (
                SELECT period_start, source, channel, {ledgerColumns}, {noActivity} FROM ledger
                UNION ALL
                SELECT period_start, source, channel, {noLedger}, {activityColumns} FROM activity
            )""";

    private CostSql() {
    }

    /**
     * @param ledgerRollup take the revenue ledger from its daily rollup
     * @param stageRollup take the stage entries from the funnel's daily rollup
     */
    static String build(Dialect dialect, Parameters parameters, ReportScope scope, boolean ledgerRollup, boolean stageRollup) {
        String ledger = RevenueLedger.ctes(dialect, parameters, scope, ledgerRollup);
        String weekOffset = ScopeSql.weekOffset(parameters, scope);
        String fiscalOffset = ScopeSql.fiscalOffset(parameters, scope);
        String knownAt = scope.knownAt() == null ? null : parameters.add(ScopeSql.timestamp(scope.knownAt()));
        List<String> activityColumns = Stream.concat(STAGES.stream().map(COUNTS::get), Stream.of("spend")).toList();
        Map<String, String> values = new HashMap<>();
        values.put("groups", ScopeSql.groupColumns(scope, "source", "channel"));
        values.put("filters", ScopeSql.filters(parameters, scope, "source", "channel"));
        values.put("firstDay", "CAST(" + parameters.add(scope.firstDay()) + " AS DATE)");
        values.put("endDay", "CAST(" + parameters.add(scope.endDay()) + " AS DATE)");
        String stages;
        if (stageRollup) {
            values.put("dayPeriod", dialect.periodStartOfDate("day", scope.grain(), weekOffset, fiscalOffset));
            values.put("rollupCounts", STAGES.stream().map(stage -> "coalesce(sum(entries) FILTER (WHERE stage = "
                    + stage.ordinal() + "), 0) AS " + COUNTS.get(stage)).collect(Collectors.joining(", ")));
            stages = ScopeSql.fill(ROLLUP_STAGE_ENTRIES, values);
        } else {
            String asOf = parameters.add(ScopeSql.timestamp(scope.asOf()));
            values.put("asOf", asOf);
            values.put("contacts", knownAt == null ? CurrentState.now(Dataset.CONTACTS) : CurrentState.knownAt(Dataset.CONTACTS, knownAt));
            values.put("entries", STAGES.stream().map(stage -> entry(stage, asOf) + " AS " + entryName(stage))
                    .collect(Collectors.joining(", ")));
            values.put("entryPeriod", ScopeSql.periodOf(dialect, scope, "entered", weekOffset, fiscalOffset));
            values.put("entryCounts", STAGES.stream().map(stage -> "count(*) FILTER (WHERE stage = '" + entryName(stage) + "') AS "
                    + COUNTS.get(stage)).collect(Collectors.joining(", ")));
            values.put("unpivoted", dialect.unpivot("entry", STAGES.stream().map(CostSql::entryName).toList(), "stage", "entered"));
            values.put("from", parameters.add(ScopeSql.timestamp(scope.from())));
            values.put("to", parameters.add(ScopeSql.timestamp(scope.to())));
            stages = ScopeSql.fill(STAGE_ENTRIES, values);
        }
        values.put("stageColumns", STAGES.stream().map(COUNTS::get).collect(Collectors.joining(", ")));
        values.put("spendPeriod", dialect.periodStartOfDate("date", scope.grain(), weekOffset, fiscalOffset));
        values.put("noCounts", STAGES.stream().map(stage -> "0 AS " + COUNTS.get(stage)).collect(Collectors.joining(", ")));
        values.put("spend", knownAt == null ? CurrentState.now(Dataset.SPEND) : CurrentState.knownAt(Dataset.SPEND, knownAt));
        values.put("asOfDay", "CAST(" + parameters.add(scope.asOf().atZone(scope.calendar().zone()).toLocalDate()) + " AS DATE)");
        values.put("ledgerColumns", String.join(", ", RevenueLedger.LEDGER_COLUMNS));
        values.put("noActivity", activityColumns.stream().map(c -> "NULL AS " + c).collect(Collectors.joining(", ")));
        values.put("noLedger", RevenueLedger.LEDGER_COLUMNS.stream().map(c -> "NULL AS " + c).collect(Collectors.joining(", ")));
        values.put("activityColumns", String.join(", ", activityColumns));
        String activitySums = activityColumns.stream().map(c -> "sum(" + c + ") AS " + c).collect(Collectors.joining(", "));
        return "WITH " + ledger + stages + ScopeSql.fill(ACTIVITY, values) + "\nSELECT period_start, source, channel, "
                + Grid.SET_ID + ", " + activitySums + ",\n" + RevenueLedger.aggregates(parameters, scope)
                + "\nFROM combined " + Grid.groupingSets(scope.groupBy());
    }

    private static String entryName(Stage stage) {
        return "e_" + stage.name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * When a contact counts as having entered a stage: the stage's date or the first later stage's, among
     * those at or before asOf; creation for CREATED.
     */
    private static String entry(Stage stage, String asOf) {
        if (stage == Stage.CREATED) {
            return "created_at";
        }
        return "coalesce(" + stage.andLater().stream().map(s -> "CASE WHEN " + s.column() + " <= " + asOf + " THEN "
                + s.column() + " END").collect(Collectors.joining(", ")) + ")";
    }
}
