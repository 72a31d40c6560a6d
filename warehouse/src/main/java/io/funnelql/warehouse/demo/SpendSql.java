package io.funnelql.warehouse.demo;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The marketing spend: daily amounts per paid campaign, a booth fee per trade show and monthly sales
 * tooling for outbound, all in USD.
 *
 * <p>Budgets follow the contacts each source brings: a campaign's daily amount is the source's expected
 * contacts per day that month times its share of the source and its cost per contact, with some noise,
 * so that cost per lead stays plausible at any scale.
 */
final class SpendSql {

    /**
     * A paid campaign: its raw source as the spend sheet writes it, its canonical source (for the contact
     * share), its share of that source's contacts and its cost per contact in USD.
     */
    record Campaign(String sourceRaw, String source, String name, double share, double costPerContact) {
    }

    static final List<Campaign> CAMPAIGNS = List.of(
            new Campaign("paid_search", "paid_search", "brand-search", 0.25, 60),
            new Campaign("paid_search", "paid_search", "generic-search", 0.55, 140),
            new Campaign("PAID_SEARCH", "paid_search", "competitor-search", 0.20, 190),
            new Campaign("linkedin-ads", "paid_social", "linkedin-lead-gen", 0.70, 210),
            new Campaign("PAID_SOCIAL", "paid_social", "meta-retargeting", 0.30, 110),
            new Campaign("display", "display", "display-retargeting", 1.00, 260));
    /** Daily amounts vary by a uniform factor in 1 ± this. */
    static final double DAILY_NOISE = 0.2;
    /** Trade shows on the second Wednesday of these months; booth and travel per expected events contact. */
    static final List<Integer> TRADE_SHOW_MONTHS = List.of(3, 5, 9, 10);
    static final double EVENT_COST_PER_CONTACT = 350;
    /** Outbound tooling billed on the first of each month, per outbound contact of the month, in USD. */
    static final double SALES_ENGAGEMENT_COST_PER_CONTACT = 45;
    static final double CONTACT_DATA_COST_PER_CONTACT = 20;

    private static final String QUERY = """
            WITH ${timeline},
            campaign(line, source_raw, source, name, share, cost_per_contact) AS (VALUES ${campaigns}),
            share(source, contact_share) AS (VALUES ${contact_shares}),
            day AS (
                SELECT d, dt, next_c - first_c AS n_c,
                       avg(next_c - first_c) OVER (PARTITION BY year(dt), month(dt)) AS month_daily_c,
                       sum(next_c - first_c) OVER (PARTITION BY year(dt), month(dt)) AS month_c
                FROM timeline
            ), spend AS (
                SELECT dt AS date, c.source_raw, c.name AS campaign,
                       month_daily_c * s.contact_share * c.share * c.cost_per_contact
                       * (1 - ${daily_noise} + 2 * ${daily_noise} * rnd(key, 'campaign-day')) AS amount
                FROM (SELECT *, d * 100 + line AS key FROM day CROSS JOIN campaign) c
                JOIN share s USING (source)
                UNION ALL
                SELECT dt, 'events', 'trade-show-' || strftime(dt, '%Y-%m'),
                       ${contacts} * (SELECT contact_share FROM share WHERE source = 'events') / count(*) OVER ()
                       * ${event_cost} * (1 - ${daily_noise} + 2 * ${daily_noise} * rnd(d, 'trade-show-cost'))
                FROM day
                WHERE month(dt) IN (${trade_show_months}) AND isodow(dt) = 3 AND dayofmonth(dt) BETWEEN 8 AND 14
                UNION ALL
                SELECT dt, 'outbound', tool, month_c * (SELECT contact_share FROM share WHERE source = 'outbound') * cost
                FROM day CROSS JOIN (VALUES ('sales-engagement-platform', ${sales_engagement_cost}),
                                            ('contact-data', ${contact_data_cost})) t(tool, cost)
                WHERE dayofmonth(dt) = 1
            )
            SELECT date, source_raw, CAST(round(amount, 2) AS DECIMAL(18, 2)) AS amount, campaign, 'USD' AS currency
            FROM spend
            ORDER BY date, source_raw, campaign""";

    private SpendSql() {
    }

    /** The spend query for a plan. */
    static String query(Plan plan) {
        String campaigns = IntStream.range(0, CAMPAIGNS.size()).mapToObj(i -> {
            Campaign c = CAMPAIGNS.get(i);
            return String.format(Locale.ROOT, "(%d, %s, %s, %s, %s, %s)", i, SqlTemplate.text(c.sourceRaw()),
                    SqlTemplate.text(c.source()), SqlTemplate.text(c.name()), SqlTemplate.number(c.share()),
                    SqlTemplate.number(c.costPerContact()));
        }).collect(Collectors.joining(", "));
        String shares = SourceMix.PROFILES.stream()
                .map(p -> "(" + SqlTemplate.text(p.source()) + ", " + SqlTemplate.number(p.contactShare()) + ")")
                .collect(Collectors.joining(", "));
        return Timeline.fill(plan.template())
                .withFragment("timeline", Timeline.CTES)
                .withFragment("campaigns", campaigns)
                .withFragment("contact_shares", shares)
                .with("daily_noise", DAILY_NOISE)
                .withFragment("trade_show_months", TRADE_SHOW_MONTHS.stream().map(String::valueOf).collect(Collectors.joining(", ")))
                .with("event_cost", EVENT_COST_PER_CONTACT)
                .with("sales_engagement_cost", SALES_ENGAGEMENT_COST_PER_CONTACT)
                .with("contact_data_cost", CONTACT_DATA_COST_PER_CONTACT)
                .render(QUERY);
    }
}
