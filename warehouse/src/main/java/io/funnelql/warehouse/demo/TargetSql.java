package io.funnelql.warehouse.demo;

import java.util.List;
import java.util.stream.Collectors;

import io.funnelql.warehouse.SourceSql;

/**
 * The targets: monthly and quarterly goals for the main KPIs, set near what the generated data turned out
 * to be, some above and some below, as a team that plans well but not perfectly would set them.
 *
 * <p>The actuals are read back from the loads this generation just made, per day in the workspace time
 * zone (the loader runs the query in it). A period still under way on {@code until} is extrapolated to
 * its full length. Periods that start before the window's first day get no target.
 *
 * <ul>
 * <li>{@code sessions}, {@code contacts}: sessions started, contacts created in the period;</li>
 * <li>{@code mqls}, {@code sqls}, {@code customers}: contacts entering the stage in the period; MQLs
 *     also per source for paid_search and organic_search;</li>
 * <li>{@code won_revenue}: the amount of won deals closed in the period (USD);</li>
 * <li>{@code cost_per_lead}: spend divided by the leads of the period (USD): contacts entering LEAD, a skipped
 *     LEAD dated at the first later stage, as the cost report and the KPI catalog count them.</li>
 * </ul>
 */
final class TargetSql {

    static final List<String> MQL_TARGET_SOURCES = List.of("paid_search", "organic_search");
    /** A target is the actual times a uniform factor in [LOW, HIGH). */
    static final double TARGET_FACTOR_LOW = 0.85, TARGET_FACTOR_HIGH = 1.15;

    private static final String QUERY = """
            WITH contact AS (
                SELECT r.created_at, r.mql_at, r.sql_at, r.customer_at,
                       coalesce(r.lead_at, r.mql_at, r.sql_at, r.opportunity_at, r.customer_at, r.evangelist_at) AS lead_entry,
                       ${source} AS source
                FROM raw_contacts r ${lookup_join}
                WHERE r.load_id = ${contacts_load}
            ), daily(dt, metric, source, value) AS (
                SELECT CAST(started_at AS DATE), 'sessions', NULL, count(*) FROM raw_sessions WHERE load_id = ${sessions_load} GROUP BY 1
                UNION ALL SELECT CAST(created_at AS DATE), 'contacts', NULL, count(*) FROM contact GROUP BY 1
                UNION ALL SELECT CAST(lead_entry AS DATE), 'leads', NULL, count(*) FROM contact WHERE lead_entry IS NOT NULL GROUP BY 1
                UNION ALL SELECT CAST(mql_at AS DATE), 'mqls', NULL, count(*) FROM contact WHERE mql_at IS NOT NULL GROUP BY 1
                UNION ALL SELECT CAST(mql_at AS DATE), 'mqls', source, count(*) FROM contact
                          WHERE mql_at IS NOT NULL AND source IN (${mql_target_sources}) GROUP BY 1, 3
                UNION ALL SELECT CAST(sql_at AS DATE), 'sqls', NULL, count(*) FROM contact WHERE sql_at IS NOT NULL GROUP BY 1
                UNION ALL SELECT CAST(customer_at AS DATE), 'customers', NULL, count(*) FROM contact WHERE customer_at IS NOT NULL GROUP BY 1
                UNION ALL SELECT CAST(closed_at AS DATE), 'won_revenue', NULL, sum(amount) FROM raw_deals
                          WHERE load_id = ${deals_load} AND status = 'won' GROUP BY 1
                UNION ALL SELECT date, 'spend', NULL, sum(amount) FROM raw_spend WHERE load_id = ${spend_load} GROUP BY 1
            ), period AS (
                SELECT 'MONTH' AS grain, CAST(p AS DATE) AS period_start, CAST(p + INTERVAL 1 MONTH AS DATE) AS period_end
                FROM range(CAST(date_trunc('month', ${from}) AS TIMESTAMP), CAST(${until} + 1 AS TIMESTAMP), INTERVAL 1 MONTH) t(p)
                UNION ALL
                SELECT 'QUARTER', CAST(p AS DATE), CAST(p + INTERVAL 3 MONTH AS DATE)
                FROM range(CAST(date_trunc('quarter', ${from}) AS TIMESTAMP), CAST(${until} + 1 AS TIMESTAMP), INTERVAL 3 MONTH) t(p)
            ), metric(metric, source) AS (
                SELECT DISTINCT metric, source FROM daily
            ), actual AS (
                -- a period under way is extrapolated from its days so far to its full length
                SELECT p.grain, p.period_start, m.metric, m.source,
                       CAST(coalesce(sum(d.value), 0) AS DOUBLE) * (p.period_end - p.period_start)
                       / (least(p.period_end, ${until} + 1) - p.period_start) AS value
                FROM period p CROSS JOIN metric m
                LEFT JOIN daily d ON d.metric = m.metric AND d.source IS NOT DISTINCT FROM m.source
                                 AND d.dt >= p.period_start AND d.dt < p.period_end
                WHERE p.period_start >= ${from}
                GROUP BY p.grain, p.period_start, p.period_end, m.metric, m.source
            ), kpi AS (
                SELECT grain, period_start, metric, source, value FROM actual WHERE metric NOT IN ('spend', 'leads')
                UNION ALL
                SELECT s.grain, s.period_start, 'cost_per_lead', NULL, s.value / l.value
                FROM actual s JOIN actual l USING (grain, period_start)
                WHERE s.metric = 'spend' AND l.metric = 'leads' AND l.value > 0
            )
            SELECT metric, period_start, grain,
                   CASE WHEN metric = 'cost_per_lead' OR target < 100 THEN round(target)
                        ELSE round(target, 2 - CAST(ceil(log10(target)) AS INTEGER)) END AS value,
                   source AS source_raw
            FROM (SELECT *, value * (${factor_low} + (${factor_high} - ${factor_low}) * rnd(target_key, 'target')) AS target
                  FROM (SELECT *, metric || '|' || grain || '|' || CAST(period_start AS VARCHAR) || '|' || coalesce(source, '') AS target_key
                        FROM kpi))
            ORDER BY grain, period_start, metric, source NULLS FIRST""";

    private TargetSql() {
    }

    /** The targets query for a plan, over the rows that the given loads brought. */
    static String query(Plan plan, long contactsLoad, long sessionsLoad, long dealsLoad, long spendLoad) {
        return plan.template()
                .with("contacts_load", contactsLoad)
                .with("sessions_load", sessionsLoad)
                .with("deals_load", dealsLoad)
                .with("spend_load", spendLoad)
                .withFragment("source", SourceSql.SOURCE)
                .withFragment("lookup_join", SourceSql.LOOKUP_JOIN)
                .withFragment("mql_target_sources", MQL_TARGET_SOURCES.stream().map(SqlTemplate::text).collect(Collectors.joining(", ")))
                .with("factor_low", TARGET_FACTOR_LOW)
                .with("factor_high", TARGET_FACTOR_HIGH)
                .render(QUERY);
    }
}
