package io.funnelql.queries.revenue;

import java.util.List;
import java.util.Map;

import io.funnelql.queries.engine.Dialect;
import io.funnelql.queries.engine.Parameters;
import io.funnelql.queries.metric.MetricPlan;
import io.funnelql.queries.metric.ScopeSql;
import io.funnelql.queries.report.Grid;
import io.funnelql.queries.report.ReportScope;
import io.funnelql.warehouse.CurrentState;
import io.funnelql.warehouse.Dataset;

/**
 * The revenue ledger of won deals as SQL: per period and group, the revenue won, the MRR that started
 * and ended, the customers that started and ended, and the balances (customers, MRR) at the period's
 * start and end. docs/metrics.md defines every figure; {@link RevenueFigures} derives the metrics.
 *
 * <p>Public because the cost report sets its spend beside the same revenue (ROI, LTV:CAC, payback) in
 * one statement: {@link #ctes} defines a relation {@code ledger} with one row per period and group (every
 * period for every group that has any figure), and {@link #aggregates} aggregates it by
 * {@link Grid#groupingSets}: flows are summed, balances are taken at the first or last period, never summed
 * over periods.
 *
 * <p>The model, per customer (a deal's contact; a deal without contact is a customer of its own):
 * <ul>
 * <li>only won deals closed at or before asOf count; a {@code churned_at} after asOf has not happened yet;</li>
 * <li>won revenue is the amount of every won deal except {@code churn} deals;</li>
 * <li>each won {@code new} (or untyped) and {@code expansion} deal adds its {@code mrr} from its close until
 *     the customer's first churn at or after it: a {@code churned_at} on any of its won deals, or the close
 *     of a won {@code churn} deal; {@code renewal} deals move no MRR (they restate a running contract);</li>
 * <li>a customer is active from its first such deal until that churn (a spell); a later deal starts a new
 *     spell. At the churn, the spell's customer and all of its MRR end (churned customers, churned MRR).</li>
 * </ul>
 */
public final class RevenueLedger {

    /** The group of deals without a contact, or whose contact is unknown: their source and channel. */
    public static final String UNATTRIBUTED = MetricPlan.UNATTRIBUTED;

    /** The component columns {@link #aggregates} returns, in order. */
    public static final List<String> COMPONENTS = List.of("won_revenue", "won_deals", "marketing_sourced_revenue",
            "unattributed_revenue", "new_mrr", "expansion_mrr", "churned_mrr", "customers_in", "customers_out",
            "customers_at_start", "customers_at_end", "mrr_at_end", "churned_from_start", "customer_micros", "mrr_micros");

    /** The value columns of the {@code ledger} relation, after its period and group columns. */
    public static final List<String> LEDGER_COLUMNS = List.of("won_revenue", "won_deals", "marketing_sourced_revenue",
            "unattributed_revenue", "new_mrr", "expansion_mrr", "churned_mrr", "customers_in", "customers_out",
            "customers_at_start", "customers_at_end", "mrr_at_end", "churned_from_period_start",
            "churned_from_range_start", "customer_micros", "mrr_micros");

    /** The flow columns of a ledger row: they add up over periods and groups. */
    static final List<String> FLOWS = List.of("won_revenue", "won_deals", "marketing_sourced_revenue",
            "unattributed_revenue", "new_mrr", "expansion_mrr", "churned_mrr", "customers_in", "customers_out",
            "customer_micros", "mrr_micros");

    private static final String DEALS = """
            won AS (
                SELECT d.deal_id, d.amount, d.closed_at, coalesce(d.type, 'new') AS type, coalesce(d.mrr, 0) AS mrr,
                       CASE WHEN d.churned_at <= {asOf} THEN d.churned_at END AS churned_at,
                       CASE WHEN d.contact_id IS NULL THEN 'd:' || d.deal_id ELSE 'c:' || d.contact_id END AS customer,
                       coalesce(c.source, 'unattributed') AS deal_source, coalesce(c.channel, 'unattributed') AS deal_channel
                FROM {deals} d LEFT JOIN {contacts} c ON c.contact_id = d.contact_id
                WHERE d.status = 'won' AND d.closed_at <= {asOf}
            ), deal AS (
                SELECT * FROM won WHERE true{filters}
            ), churn AS (
                SELECT customer, churned_at AS event_at FROM deal WHERE churned_at IS NOT NULL
                UNION
                SELECT customer, closed_at FROM deal WHERE type = 'churn'
            ), stream AS (
                SELECT s.customer, s.deal_source, s.deal_channel, s.deal_id, s.closed_at, s.type, s.mrr, min(ch.event_at) AS ended_at
                FROM deal s LEFT JOIN churn ch ON ch.customer = s.customer AND ch.event_at >= s.closed_at
                WHERE s.type IN ('new', 'expansion')
                GROUP BY s.customer, s.deal_source, s.deal_channel, s.deal_id, s.closed_at, s.type, s.mrr
            ), spell AS (
                SELECT customer, deal_source, deal_channel, ended_at, min(closed_at) AS started_at, sum(mrr) AS mrr
                FROM stream GROUP BY customer, deal_source, deal_channel, ended_at
            ), event AS (
                SELECT deal_source, deal_channel, closed_at AS event_at, 'won' AS kind, amount, CAST(NULL AS TIMESTAMPTZ) AS since
                FROM deal WHERE type <> 'churn'
                UNION ALL
                SELECT deal_source, deal_channel, closed_at, type || '_mrr', mrr, NULL FROM stream
                UNION ALL
                SELECT deal_source, deal_channel, started_at, 'start', 0, NULL FROM spell
                UNION ALL
                SELECT deal_source, deal_channel, ended_at, 'end', mrr, started_at FROM spell WHERE ended_at IS NOT NULL
            )""";

    /** Events bucketed by period; events before the range (period_start NULL) make the opening balances. */
    private static final String BUCKETS = """
            , bucket AS (
                SELECT CASE WHEN event_at < {from} THEN NULL ELSE {period} END AS period_start, {groups},
                       coalesce(sum(amount) FILTER (WHERE kind = 'won'), 0) AS won_revenue,
                       count(*) FILTER (WHERE kind = 'won') AS won_deals,
                       coalesce(sum(amount) FILTER (WHERE kind = 'won' AND deal_channel = 'inbound'), 0) AS marketing_sourced_revenue,
                       coalesce(sum(amount) FILTER (WHERE kind = 'won' AND deal_channel = 'unattributed'), 0) AS unattributed_revenue,
                       coalesce(sum(amount) FILTER (WHERE kind = 'new_mrr'), 0) AS new_mrr,
                       coalesce(sum(amount) FILTER (WHERE kind = 'expansion_mrr'), 0) AS expansion_mrr,
                       coalesce(sum(amount) FILTER (WHERE kind = 'end'), 0) AS churned_mrr,
                       count(*) FILTER (WHERE kind = 'start') AS customers_in,
                       count(*) FILTER (WHERE kind = 'end') AS customers_out,
                       count(*) FILTER (WHERE kind = 'end' AND (since < {from} OR {sincePeriod} < {period})) AS churned_from_period_start,
                       count(*) FILTER (WHERE kind = 'end' AND since < {from}) AS churned_from_range_start,
                       coalesce(sum(CAST({epoch} AS DECIMAL(38, 0))) FILTER (WHERE kind = 'start'), 0)
                           - coalesce(sum(CAST({epoch} AS DECIMAL(38, 0))) FILTER (WHERE kind = 'end'), 0) AS net_micros,
                       coalesce(sum(amount * CAST({epoch} AS DECIMAL(38, 0))) FILTER (WHERE kind IN ('new_mrr', 'expansion_mrr')), 0)
                           - coalesce(sum(amount * CAST({epoch} AS DECIMAL(38, 0))) FILTER (WHERE kind = 'end'), 0) AS net_mrr_micros
                FROM event WHERE event_at < {to}
                GROUP BY ALL
            )""";

    /**
     * The same buckets from the daily rollup: valid when the report's days are the rollup's (the workspace
     * time zone), for the current data, and no date lies after asOf.
     */
    private static final String ROLLUP_BUCKETS = """
            bucket AS (
                SELECT CASE WHEN day < {firstDay} THEN NULL ELSE {dayPeriod} END AS period_start, {groups},
                       sum(won_revenue) AS won_revenue, sum(won_deals) AS won_deals,
                       coalesce(sum(won_revenue) FILTER (WHERE deal_channel = 'inbound'), 0) AS marketing_sourced_revenue,
                       coalesce(sum(won_revenue) FILTER (WHERE deal_channel = 'unattributed'), 0) AS unattributed_revenue,
                       sum(new_mrr) AS new_mrr, sum(expansion_mrr) AS expansion_mrr, sum(churned_mrr) AS churned_mrr,
                       sum(customers_in) AS customers_in, sum(customers_out) AS customers_out,
                       coalesce(sum(customers_out) FILTER (WHERE started_day < {firstDay}
                           OR {startedPeriod} < {dayPeriod}), 0) AS churned_from_period_start,
                       coalesce(sum(customers_out) FILTER (WHERE started_day < {firstDay}), 0) AS churned_from_range_start,
                       sum(net_micros) AS net_micros, sum(net_mrr_micros) AS net_mrr_micros
                FROM (SELECT *, source AS deal_source, channel AS deal_channel FROM rollup_revenue)
                WHERE day < {endDay}{filters}
                GROUP BY ALL
            )""";

    /** The opening balances (events before the range) and the groups with anything to report. */
    private static final String BALANCES = """
            , opening AS (
                SELECT source, channel, sum(customers_in - customers_out) AS customers,
                       sum(new_mrr + expansion_mrr - churned_mrr) AS mrr
                FROM bucket WHERE period_start IS NULL GROUP BY source, channel
            ), grp AS (
                SELECT source, channel FROM bucket GROUP BY source, channel
                HAVING count(period_start) > 0 OR sum(customers_in - customers_out) <> 0
                    OR sum(new_mrr + expansion_mrr - churned_mrr) <> 0
            )""";

    /**
     * Every period for every group, with the balances at its end as the opening balance plus the running
     * sum of the periods so far, and the time customers (and their MRR) were active: the customers at the
     * start times the period's length, plus each start's and minus each end's time to the period's end (cut
     * at asOf: time after asOf is not observed); likewise for the MRR, weighted by each movement. Times are
     * exact integers of microseconds (38 digits), so that any way of adding them up gives the same number.
     */
    private static final String CELLS = """
            , cell AS (
                SELECT p.period_start, p.starts_us, least(p.ends_us, greatest(p.starts_us, {asOfMicros})) AS observed_us,
                       g.source, g.channel,
                       coalesce(b.won_revenue, 0) AS won_revenue, coalesce(b.won_deals, 0) AS won_deals,
                       coalesce(b.marketing_sourced_revenue, 0) AS marketing_sourced_revenue,
                       coalesce(b.unattributed_revenue, 0) AS unattributed_revenue,
                       coalesce(b.new_mrr, 0) AS new_mrr, coalesce(b.expansion_mrr, 0) AS expansion_mrr,
                       coalesce(b.churned_mrr, 0) AS churned_mrr,
                       coalesce(b.customers_in, 0) AS customers_in, coalesce(b.customers_out, 0) AS customers_out,
                       coalesce(b.churned_from_period_start, 0) AS churned_from_period_start,
                       coalesce(b.churned_from_range_start, 0) AS churned_from_range_start,
                       coalesce(b.net_micros, 0) AS net_micros, coalesce(b.net_mrr_micros, 0) AS net_mrr_micros,
                       coalesce(o.customers, 0) + sum(coalesce(b.customers_in - b.customers_out, 0)) OVER w AS customers_at_end,
                       coalesce(o.mrr, 0) + sum(coalesce(b.new_mrr + b.expansion_mrr - b.churned_mrr, 0)) OVER w AS mrr_at_end
                FROM {periods} p CROSS JOIN grp g
                LEFT JOIN bucket b ON b.period_start = p.period_start
                    AND b.source IS NOT DISTINCT FROM g.source AND b.channel IS NOT DISTINCT FROM g.channel
                LEFT JOIN opening o ON o.source IS NOT DISTINCT FROM g.source AND o.channel IS NOT DISTINCT FROM g.channel
                WINDOW w AS (PARTITION BY g.source, g.channel ORDER BY p.period_start ROWS UNBOUNDED PRECEDING)
            ), ledger AS (
                SELECT period_start, source, channel, won_revenue, won_deals, marketing_sourced_revenue,
                       unattributed_revenue, new_mrr, expansion_mrr, churned_mrr, customers_in, customers_out,
                       customers_at_start, customers_at_end, mrr_at_end, churned_from_period_start,
                       churned_from_range_start,
                       CAST(customers_at_start AS DECIMAL(38, 0)) * (observed_us - starts_us)
                           + CAST(customers_in - customers_out AS DECIMAL(38, 0)) * observed_us - net_micros AS customer_micros,
                       mrr_at_start * (observed_us - starts_us)
                           + (new_mrr + expansion_mrr - churned_mrr) * observed_us - net_mrr_micros AS mrr_micros
                FROM (SELECT *, customers_at_end - customers_in + customers_out AS customers_at_start,
                             mrr_at_end - (new_mrr + expansion_mrr - churned_mrr) AS mrr_at_start FROM cell)
            )""";

    private static final String AGGREGATES = """
            {flows},
            CASE WHEN GROUPING(period_start) = 0 THEN sum(customers_at_start)
                 ELSE sum(customers_at_start) FILTER (WHERE period_start = {first}) END AS customers_at_start,
            CASE WHEN GROUPING(period_start) = 0 THEN sum(customers_at_end)
                 ELSE sum(customers_at_end) FILTER (WHERE period_start = {last}) END AS customers_at_end,
            CASE WHEN GROUPING(period_start) = 0 THEN sum(mrr_at_end)
                 ELSE sum(mrr_at_end) FILTER (WHERE period_start = {last}) END AS mrr_at_end,
            CASE WHEN GROUPING(period_start) = 0 THEN sum(churned_from_period_start)
                 ELSE sum(churned_from_range_start) END AS churned_from_start""";

    private RevenueLedger() {
    }

    /**
     * The common table expressions (the text after {@code WITH}) that define {@code ledger}, from the deals and
     * contacts, or with {@code rollup} from the daily revenue rollup (which the caller has checked is valid
     * for the scope: days in the workspace time zone, no knownAt, no date after asOf). Columns
     * {@code period_start}, {@code source}, {@code channel} (NULL unless grouped by them), the flows, the
     * balances {@code customers_at_start}, {@code customers_at_end}, {@code mrr_at_end}, and the churned
     * customers that were active at the start of the period ({@code churned_from_period_start}) and of the
     * range ({@code churned_from_range_start}).
     */
    public static String ctes(Dialect dialect, Parameters parameters, ReportScope scope, boolean rollup) {
        String weekOffset = ScopeSql.weekOffset(parameters, scope);
        String fiscalOffset = ScopeSql.fiscalOffset(parameters, scope);
        Map<String, String> common = Map.of(
                "groups", ScopeSql.groupColumns(scope, "deal_source", "deal_channel"),
                "periods", ScopeSql.periods(parameters, scope),
                "asOfMicros", "CAST(" + parameters.add(ScopeSql.micros(scope.asOf())) + " AS BIGINT)");
        String balances = ScopeSql.fill(BALANCES + CELLS, common);
        if (rollup) {
            String firstDay = "CAST(" + parameters.add(scope.firstDay()) + " AS DATE)";
            return ScopeSql.fill(ROLLUP_BUCKETS, Map.of(
                    "firstDay", firstDay,
                    "endDay", "CAST(" + parameters.add(scope.endDay()) + " AS DATE)",
                    "dayPeriod", dialect.periodStartOfDate("day", scope.grain(), weekOffset, fiscalOffset),
                    "startedPeriod", dialect.periodStartOfDate("started_day", scope.grain(), weekOffset, fiscalOffset),
                    "groups", common.get("groups"),
                    "filters", ScopeSql.filters(parameters, scope, "deal_source", "deal_channel"))) + balances;
        }
        String asOf = parameters.add(ScopeSql.timestamp(scope.asOf()));
        String deals;
        String contacts;
        if (scope.knownAt() == null) {
            deals = CurrentState.now(Dataset.DEALS);
            contacts = CurrentState.now(Dataset.CONTACTS);
        } else {
            String knownAt = parameters.add(ScopeSql.timestamp(scope.knownAt()));
            deals = CurrentState.knownAt(Dataset.DEALS, knownAt);
            contacts = CurrentState.knownAt(Dataset.CONTACTS, knownAt);
        }
        String from = parameters.add(ScopeSql.timestamp(scope.from()));
        Map<String, String> values = Map.ofEntries(
                Map.entry("asOf", asOf),
                Map.entry("deals", deals),
                Map.entry("contacts", contacts),
                Map.entry("filters", ScopeSql.filters(parameters, scope, "deal_source", "deal_channel")),
                Map.entry("from", from),
                Map.entry("to", parameters.add(ScopeSql.timestamp(scope.to()))),
                Map.entry("period", ScopeSql.periodOf(dialect, scope, "event_at", weekOffset, fiscalOffset)),
                Map.entry("sincePeriod", ScopeSql.periodOf(dialect, scope, "since", weekOffset, fiscalOffset)),
                Map.entry("groups", common.get("groups")),
                Map.entry("epoch", dialect.epochMicros("event_at")));
        return ScopeSql.fill(DEALS + BUCKETS, values) + balances;
    }

    /**
     * The select list that aggregates {@code ledger} rows into {@link #COMPONENTS}, under
     * {@link Grid#groupingSets}: flows are summed; balances are a period's own, or for a group total and the
     * total, the first period's (at start) or the last period's (at end), summed over groups.
     */
    public static String aggregates(Parameters parameters, ReportScope scope) {
        String flows = String.join(",\n", FLOWS.stream().map(c -> "sum(" + c + ") AS " + c).toList());
        return ScopeSql.fill(AGGREGATES, Map.of("flows", flows,
                "first", "CAST(" + parameters.add(scope.firstDay()) + " AS DATE)",
                "last", "CAST(" + parameters.add(scope.periods().get(scope.periods().size() - 1).start()) + " AS DATE)"));
    }
}
