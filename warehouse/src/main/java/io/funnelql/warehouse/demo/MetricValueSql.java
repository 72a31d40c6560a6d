package io.funnelql.warehouse.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * The weekly numbers a marketing team types into its spreadsheet, one row per metric and week (dated the
 * week's Monday), with a note on the weeks something happened.
 *
 * <ul>
 * <li>{@code keyword_top10_rankings} (source organic_search): climbs from about 40 to 120 keywords, with
 *     a dip in the weeks of a search engine update;</li>
 * <li>{@code webinar_attendees}: every other week outside summer and the holidays, noted with the topic;</li>
 * <li>{@code social_engagement} (source SOCIAL_MEDIA, as typed): seasonal, with the odd viral post;</li>
 * <li>{@code newsletter_subscribers} (source EMAIL_MARKETING): the list size, growing, with one clean-up.</li>
 * </ul>
 * Volumes scale with the number of contacts (the demo's 50,000 is scale 1); rankings do not.
 */
final class MetricValueSql {

    static final double RANKINGS_START = 40, RANKINGS_END = 120;
    /** Share of weeks hit by a search engine update, and what is left of the rankings that week. */
    static final double SEARCH_UPDATE_RATE = 0.03, SEARCH_UPDATE_FACTOR = 0.75;
    static final double WEBINAR_ATTENDEES_MIN = 40, WEBINAR_ATTENDEES_MAX = 150;
    static final List<String> WEBINAR_TOPICS = List.of("Pipeline forecasting 101", "Attribution without the guesswork",
            "From MQL to revenue", "Building a weekly marketing report", "Benchmarks for B2B funnels",
            "Customer stories: scaling demand gen");
    static final double SOCIAL_ENGAGEMENT_BASE = 800;
    static final double VIRAL_RATE = 0.03, VIRAL_FACTOR = 3;
    static final double SUBSCRIBERS_START = 2_000, SUBSCRIBERS_END = 9_000;
    /** The clean-up removes this share of the list, at this point of the window. */
    static final double CLEANUP_SHARE = 0.08, CLEANUP_AT = 0.6;
    /** Contacts of the demo data set: volumes scale with contacts / this. */
    static final double SCALE_CONTACTS = GeneratorSpec.DEMO_CONTACTS;

    private static final String QUERY = """
            WITH week AS (
                SELECT w, ${first_monday} + CAST(7 * w AS INTEGER) AS date, CAST(w AS DOUBLE) / greatest(1, ${weeks} - 1) AS progress
                FROM range(${weeks}) t(w)
            ), value AS (
                SELECT date, 'keyword_top10_rankings' AS metric, 'organic_search' AS source_raw,
                       round((${rankings_start} + (${rankings_end} - ${rankings_start}) * progress + 10 * rnd(w, 'rankings') - 5)
                             * CASE WHEN rnd(w, 'search-update') < ${search_update_rate} THEN ${search_update_factor} ELSE 1 END) AS value,
                       CASE WHEN rnd(w, 'search-update') < ${search_update_rate} THEN 'Search engine core update' END AS note
                FROM week
                UNION ALL
                SELECT date, 'webinar_attendees', NULL,
                       greatest(1, round(${scale} * (${webinar_min} + (${webinar_max} - ${webinar_min}) * rnd(w, 'webinar')))),
                       'Webinar: ' || ${webinar_topics}[1 + CAST(w // 2 AS INTEGER) % ${webinar_topic_count}]
                FROM week
                WHERE w % 2 = 0 AND month(date) NOT IN (7, 8) AND NOT (month(date) = 12 AND dayofmonth(date) >= 18)
                UNION ALL
                SELECT date, 'social_engagement', 'SOCIAL_MEDIA',
                       round(${scale} * ${social_base} * (1 + progress) * ${month_factors}[month(date)]
                             * (0.8 + 0.4 * rnd(w, 'social'))
                             * CASE WHEN rnd(w, 'viral') < ${viral_rate} THEN ${viral_factor} ELSE 1 END),
                       CASE WHEN rnd(w, 'viral') < ${viral_rate} THEN 'LinkedIn post went viral' END
                FROM week
                UNION ALL
                SELECT date, 'newsletter_subscribers', 'EMAIL_MARKETING',
                       round(${scale} * ${subscribers_start} * power(${subscribers_end} / ${subscribers_start}, progress)
                             * (0.99 + 0.02 * rnd(w, 'subscribers'))
                             * CASE WHEN w >= ${cleanup_week} THEN 1 - ${cleanup_share} ELSE 1 END),
                       CASE WHEN w = ${cleanup_week} THEN 'List cleaned: bounced and unsubscribed addresses removed' END
                FROM week
            )
            SELECT metric, date, CAST(value AS DOUBLE) AS value, source_raw, note
            FROM value
            ORDER BY date, metric""";

    private MetricValueSql() {
    }

    /** The metric values query for a plan. */
    static String query(Plan plan) {
        LocalDate firstMonday = plan.from().with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        long weeks = ChronoUnit.WEEKS.between(firstMonday, plan.until()) + 1;
        return plan.template()
                .with("first_monday", firstMonday)
                .with("weeks", weeks)
                .with("scale", plan.spec().contacts() / SCALE_CONTACTS)
                .with("rankings_start", RANKINGS_START)
                .with("rankings_end", RANKINGS_END)
                .with("search_update_rate", SEARCH_UPDATE_RATE)
                .with("search_update_factor", SEARCH_UPDATE_FACTOR)
                .with("webinar_min", WEBINAR_ATTENDEES_MIN)
                .with("webinar_max", WEBINAR_ATTENDEES_MAX)
                .withFragment("webinar_topics", SqlTemplate.texts(WEBINAR_TOPICS))
                .with("webinar_topic_count", WEBINAR_TOPICS.size())
                .with("social_base", SOCIAL_ENGAGEMENT_BASE)
                .withList("month_factors", Timeline.MONTH_FACTORS)
                .with("viral_rate", VIRAL_RATE)
                .with("viral_factor", VIRAL_FACTOR)
                .with("subscribers_start", SUBSCRIBERS_START)
                .with("subscribers_end", SUBSCRIBERS_END)
                .with("cleanup_week", Math.round((weeks - 1) * CLEANUP_AT))
                .with("cleanup_share", CLEANUP_SHARE)
                .render(QUERY);
    }
}
