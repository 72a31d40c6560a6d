package io.funnelql.warehouse.demo;

/**
 * The deals, derived from the contacts just generated (read back from their load in {@code raw_contacts}).
 *
 * <ul>
 * <li>every customer has a won {@code new} deal closed when it became a customer, priced by plan; annual
 *     deals have {@code mrr = amount / 12}, monthly ones bill {@code amount = mrr};</li>
 * <li>annual customers renew each year ({@code renewal}) until they churn; some churn, which sets
 *     {@code churned_at} on their new deal (no {@code churn} deals are generated);</li>
 * <li>some customers buy more later ({@code expansion});</li>
 * <li>opportunities that did not become customers are {@code lost} when the decision came before
 *     {@code until}, otherwise {@code open} with {@code closed_at} the expected close date, after
 *     {@code until} (the only dates the generator puts after it);</li>
 * <li>a handful of won deals have no contact (unattributed).</li>
 * </ul>
 */
final class DealSql {

    /** Annual contract values of the three plans, in USD, and the share of customers on each. */
    static final double[] PLAN_ANNUAL_VALUES = {6_000, 18_000, 60_000};
    static final double[] PLAN_SHARES = {0.55, 0.33, 0.12};
    /** A deal's value is its plan's times a uniform factor in 1 ± this, rounded to 100. */
    static final double PRICE_SPREAD = 0.2;
    /** Share of customers on the two smaller plans who pay monthly. */
    static final double MONTHLY_SHARE = 0.2;
    /** Share of customers who churn, and when: months after becoming a customer (uniform). */
    static final double CHURN_RATE = 0.15;
    static final int CHURN_AFTER_MONTHS_MIN = 4, CHURN_AFTER_MONTHS_MAX = 30;
    /** Renewal price uplift, uniform from 0 to this. */
    static final double RENEWAL_UPLIFT_MAX = 0.08;
    /** Share of customers who expand, when (months after, uniform) and by how much of their value. */
    static final double EXPANSION_RATE = 0.25;
    static final int EXPANSION_AFTER_MONTHS_MIN = 3, EXPANSION_AFTER_MONTHS_MAX = 18;
    static final double EXPANSION_SHARE_MIN = 0.3, EXPANSION_SHARE_MAX = 0.6;
    /** Days from opportunity to a lost decision (log-logistic median and spread). */
    static final double DECISION_DAYS = 45, DECISION_SPREAD = 0.6;
    /** Unattributed won deals: one per this many contacts, and at least a few. */
    static final long CONTACTS_PER_UNATTRIBUTED_DEAL = 10_000;
    static final long MIN_UNATTRIBUTED_DEALS = 3;

    private static final String QUERY = """
            WITH opportunity AS (
                SELECT contact_id, opportunity_at, customer_at,
                       round(CASE WHEN rnd(contact_id, 'plan') < ${plan_share_1} THEN ${plan_value_1}
                                  WHEN rnd(contact_id, 'plan') < ${plan_share_1} + ${plan_share_2} THEN ${plan_value_2}
                                  ELSE ${plan_value_3} END
                             * (1 - ${price_spread} + 2 * ${price_spread} * rnd(contact_id, 'price')), -2) AS value,
                       rnd(contact_id, 'plan') < ${plan_share_1} + ${plan_share_2}
                           AND rnd(contact_id, 'billing') < ${monthly_share} AS monthly
                FROM raw_contacts
                WHERE load_id = ${contacts_load} AND opportunity_at IS NOT NULL
            ), customer AS (
                SELECT *,
                       CASE WHEN rnd(contact_id, 'churn') < ${churn_rate}
                            THEN customer_at + to_months(${churn_min} + CAST(floor(rnd(contact_id, 'churn-month')
                                                          * (${churn_max} - ${churn_min} + 1)) AS INTEGER)) END AS churn_at
                FROM opportunity WHERE customer_at IS NOT NULL
            ), deal AS (
                SELECT 'D' || contact_id || '-N' AS deal_id, CASE WHEN monthly THEN round(value / 12, 2) ELSE value END AS amount,
                       customer_at AS closed_at, contact_id, 'won' AS status, 'new' AS type,
                       round(value / 12, 2) AS mrr, CASE WHEN churn_at < ${end} THEN churn_at END AS churned_at
                FROM customer
                UNION ALL
                SELECT 'D' || contact_id || '-R' || CAST(n AS VARCHAR), round(value * (1 + ${uplift_max} * rnd(contact_id, 'uplift')), -2),
                       customer_at + to_months(CAST(12 * n AS INTEGER)), contact_id, 'won', 'renewal',
                       round(value * (1 + ${uplift_max} * rnd(contact_id, 'uplift')) / 12, 2), NULL
                FROM customer CROSS JOIN range(1, 4) r(n)
                WHERE NOT monthly AND customer_at + to_months(CAST(12 * n AS INTEGER)) < least(${end}, coalesce(churn_at, ${end}))
                UNION ALL
                SELECT 'D' || contact_id || '-X', expansion, expansion_at, contact_id, 'won', 'expansion', round(expansion / 12, 2), NULL
                FROM (SELECT *,
                             round(value * (${expansion_min} + (${expansion_max} - ${expansion_min}) * rnd(contact_id, 'expansion-size')), -2) AS expansion,
                             customer_at + to_months(${expansion_after_min} + CAST(floor(rnd(contact_id, 'expansion-month')
                                                     * (${expansion_after_max} - ${expansion_after_min} + 1)) AS INTEGER)) AS expansion_at
                      FROM customer WHERE rnd(contact_id, 'expansion') < ${expansion_rate})
                WHERE expansion_at < least(${end}, coalesce(churn_at, ${end}))
                UNION ALL
                SELECT 'D' || contact_id || '-O', value, decided_at, contact_id,
                       CASE WHEN decided_at < ${end} THEN 'lost' ELSE 'open' END, 'new', round(value / 12, 2), NULL
                FROM (SELECT *, opportunity_at + to_microseconds(${decision_lag}) AS decided_at
                      FROM opportunity WHERE customer_at IS NULL)
                UNION ALL
                SELECT 'D-U' || CAST(n + 1 AS VARCHAR),
                       round(CASE WHEN rnd(n, 'unattributed-plan') < ${plan_share_1} THEN ${plan_value_1} ELSE ${plan_value_2} END, -2),
                       CAST(make_timestamp(${from_us} + 1000000 * CAST(floor(rnd(n, 'unattributed-time')
                                           * ((${end_us} - ${from_us}) // 1000000)) AS BIGINT)) AS TIMESTAMPTZ),
                       NULL, 'won', 'new', NULL, NULL
                FROM range(${unattributed}) r(n)
            )
            SELECT deal_id, CAST(amount AS DECIMAL(18, 2)) AS amount, closed_at, contact_id, status,
                   'USD' AS currency, type, CAST(mrr AS DECIMAL(18, 2)) AS mrr, churned_at
            FROM deal
            ORDER BY closed_at, deal_id""";

    private DealSql() {
    }

    /** The deals query for a plan, over the contacts that load {@code contactsLoad} brought. */
    static String query(Plan plan, long contactsLoad) {
        long unattributed = Math.max(MIN_UNATTRIBUTED_DEALS, plan.spec().contacts() / CONTACTS_PER_UNATTRIBUTED_DEAL);
        return plan.template()
                .with("contacts_load", contactsLoad)
                .withFragment("end", "CAST(make_timestamp(${end_us}) AS TIMESTAMPTZ)")
                .with("plan_share_1", PLAN_SHARES[0])
                .with("plan_share_2", PLAN_SHARES[1])
                .with("plan_value_1", PLAN_ANNUAL_VALUES[0])
                .with("plan_value_2", PLAN_ANNUAL_VALUES[1])
                .with("plan_value_3", PLAN_ANNUAL_VALUES[2])
                .with("price_spread", PRICE_SPREAD)
                .with("monthly_share", MONTHLY_SHARE)
                .with("churn_rate", CHURN_RATE)
                .with("churn_min", CHURN_AFTER_MONTHS_MIN)
                .with("churn_max", CHURN_AFTER_MONTHS_MAX)
                .with("uplift_max", RENEWAL_UPLIFT_MAX)
                .with("expansion_rate", EXPANSION_RATE)
                .with("expansion_after_min", EXPANSION_AFTER_MONTHS_MIN)
                .with("expansion_after_max", EXPANSION_AFTER_MONTHS_MAX)
                .with("expansion_min", EXPANSION_SHARE_MIN)
                .with("expansion_max", EXPANSION_SHARE_MAX)
                .withFragment("decision_lag", Timeline.lag("rnd(contact_id, 'decision')", DECISION_DAYS, DECISION_SPREAD))
                .with("unattributed", unattributed)
                .render(QUERY);
    }
}
