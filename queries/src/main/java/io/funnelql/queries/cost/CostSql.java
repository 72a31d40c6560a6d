package io.funnelql.queries.cost;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.funnelql.queries.engine.Dialect;
import io.funnelql.queries.engine.Parameters;
import io.funnelql.queries.funnel.Stage;
import io.funnelql.queries.report.Grid;
import io.funnelql.queries.report.ReportScope;
import io.funnelql.queries.report.ScopeSql;
import io.funnelql.queries.revenue.RevenueLedger;
import io.funnelql.warehouse.CurrentState;
import io.funnelql.warehouse.Dataset;

/**
 * The one statement of a cost report over a scope: the spend and the stage entries of each period and group
 * ({@code activity}), beside the revenue ledger of the same periods and groups, aggregated together.
 *
 * <p>Stage entries are counted as the ENTERED funnel counts them, cumulatively: a stage's entry is its own
 * date or, when skipped, the first later stage's; only contacts created and dates at or before asOf count.
 */
final class CostSql {

    /** The stages counted, each with the activity column counting its entries. */
    static final Map<Stage, String> STAGES = Map.of(Stage.CREATED, "new_contacts", Stage.LEAD, "leads",
            Stage.MQL, "mqls", Stage.CUSTOMER, "new_customers");
    private static final List<Stage> ORDER = List.of(Stage.CREATED, Stage.LEAD, Stage.MQL, Stage.CUSTOMER);

    private static final String ACTIVITY = """
            , entry AS (
                SELECT {groups}, {entries}
                FROM {contacts} WHERE created_at <= {asOf}{contactFilters}
            ), activity AS (
                SELECT {entryPeriod} AS period_start, source, channel, {stageCounts}, 0 AS spend
                FROM {unpivoted} WHERE entered >= {from} AND entered < {to}
                GROUP BY ALL
                UNION ALL
                SELECT {spendPeriod} AS period_start, {groups}, {noCounts}, sum(amount) AS spend
                FROM {spend} WHERE date >= {firstDay} AND date < {endDay} AND date <= {asOfDay}{spendFilters}
                GROUP BY ALL
            ), combined AS (
                SELECT period_start, source, channel, {ledgerColumns}, {noActivity} FROM ledger
                UNION ALL
                SELECT period_start, source, channel, {noLedger}, {activityColumns} FROM activity
            )""";

    private CostSql() {
    }

    static String build(Dialect dialect, Parameters parameters, ReportScope scope) {
        String ledger = RevenueLedger.ctes(dialect, parameters, scope);
        String asOf = parameters.add(ScopeSql.timestamp(scope.asOf()));
        String weekOffset = ScopeSql.weekOffset(parameters, scope);
        String fiscalOffset = ScopeSql.fiscalOffset(parameters, scope);
        String contacts;
        String spend;
        if (scope.knownAt() == null) {
            contacts = CurrentState.now(Dataset.CONTACTS);
            spend = CurrentState.now(Dataset.SPEND);
        } else {
            String knownAt = parameters.add(ScopeSql.timestamp(scope.knownAt()));
            contacts = CurrentState.knownAt(Dataset.CONTACTS, knownAt);
            spend = CurrentState.knownAt(Dataset.SPEND, knownAt);
        }
        List<String> activityColumns = Stream.concat(ORDER.stream().map(STAGES::get), Stream.of("spend")).toList();
        String entries = ORDER.stream().map(stage -> entry(stage, asOf) + " AS " + entryName(stage)).collect(Collectors.joining(", "));
        String counts = ORDER.stream().map(stage -> "count(*) FILTER (WHERE stage = '" + entryName(stage) + "') AS " + STAGES.get(stage))
                .collect(Collectors.joining(", "));
        Map<String, String> values = Map.ofEntries(
                Map.entry("groups", ScopeSql.groupColumns(scope, "source", "channel")),
                Map.entry("entries", entries),
                Map.entry("contacts", contacts),
                Map.entry("asOf", asOf),
                Map.entry("contactFilters", ScopeSql.filters(parameters, scope, "source", "channel")),
                Map.entry("entryPeriod", ScopeSql.periodOf(dialect, scope, "entered", weekOffset, fiscalOffset)),
                Map.entry("stageCounts", counts),
                Map.entry("unpivoted", dialect.unpivot("entry", ORDER.stream().map(CostSql::entryName).toList(), "stage", "entered")),
                Map.entry("from", parameters.add(ScopeSql.timestamp(scope.from()))),
                Map.entry("to", parameters.add(ScopeSql.timestamp(scope.to()))),
                Map.entry("spendPeriod", dialect.periodStartOfDate("date", scope.grain(), weekOffset, fiscalOffset)),
                Map.entry("noCounts", ORDER.stream().map(stage -> "0 AS " + STAGES.get(stage)).collect(Collectors.joining(", "))),
                Map.entry("spend", spend),
                Map.entry("firstDay", "CAST(" + parameters.add(scope.firstDay()) + " AS DATE)"),
                Map.entry("endDay", "CAST(" + parameters.add(scope.endDay()) + " AS DATE)"),
                Map.entry("asOfDay", "CAST(" + parameters.add(scope.asOf().atZone(scope.calendar().zone()).toLocalDate()) + " AS DATE)"),
                Map.entry("spendFilters", ScopeSql.filters(parameters, scope, "source", "channel")),
                Map.entry("ledgerColumns", String.join(", ", RevenueLedger.LEDGER_COLUMNS)),
                Map.entry("noActivity", activityColumns.stream().map(c -> "NULL AS " + c).collect(Collectors.joining(", "))),
                Map.entry("noLedger", RevenueLedger.LEDGER_COLUMNS.stream().map(c -> "NULL AS " + c).collect(Collectors.joining(", "))),
                Map.entry("activityColumns", String.join(", ", activityColumns)));
        String activitySums = activityColumns.stream().map(c -> "sum(" + c + ") AS " + c).collect(Collectors.joining(", "));
        return "WITH " + ledger + ScopeSql.fill(ACTIVITY, values) + "\nSELECT period_start, source, channel, "
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
