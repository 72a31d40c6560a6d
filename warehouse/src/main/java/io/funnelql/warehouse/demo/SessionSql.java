package io.funnelql.warehouse.demo;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The website sessions: when, from which source, by which visitor, where they landed and how long they
 * stayed.
 *
 * <p>Sessions are dealt out to days by {@link Timeline} (weekday, seasonality and time-of-day patterns),
 * with a source mix that leans on organic search and direct traffic. Visitors return: a session belongs to
 * the visitor whose first visit lies a random gap (days, sometimes weeks) before it, so each visitor has
 * about {@value #SESSIONS_PER_VISITOR} sessions on average, spread over time, without any per-visitor state.
 * The session in which a contact filled in a form carries the contact's id and source, and so does every
 * other session of that visitor, as a CRM associates a visitor's history once it knows who they are.
 */
final class SessionSql {

    /** Average sessions per visitor; see {@link #VISITOR_WINDOW}. */
    static final double SESSIONS_PER_VISITOR = 2.5;
    /**
     * Session rows per visitor number: the number of sessions that land on one visitor is about Poisson
     * with this mean, and visitors with none do not appear, so visitors that do appear average
     * {@value #SESSIONS_PER_VISITOR}.
     */
    static final double VISITOR_WINDOW = 2.2;
    /** Gaps between a visitor's first visit and a later one: short (days) or long (weeks), capped. */
    static final double SHORT_RETURN_DAYS = 3, LONG_RETURN_DAYS = 40, LONG_RETURN_SHARE = 0.4, RETURN_CAP_DAYS = 180;
    /** Pages per non-bounced session: 2 plus an exponential with this mean, at most 40. */
    static final double EXTRA_PAGES_MEAN = 2.5;
    /** Seconds per page in a non-bounced session: 20 plus an exponential with this mean. */
    static final double SECONDS_PER_PAGE_MEAN = 45;
    /** Share of content-source sessions (search, social, referral, email) that land on the blog. */
    static final double BLOG_LANDING_SHARE = 0.7;
    static final List<String> MAIN_PAGES = List.of("/", "/pricing", "/product", "/demo", "/integrations",
            "/customers", "/about", "/careers", "/security", "/login");
    static final List<String> BLOG_PAGES = List.of("/blog/b2b-funnel-metrics", "/blog/mql-vs-sql",
            "/blog/attribution-models", "/blog/pipeline-velocity", "/blog/marketing-okrs", "/blog/hubspot-reporting",
            "/blog/cost-per-lead", "/blog/cohort-analysis", "/blog/lead-scoring", "/blog/weekly-marketing-report");
    static final List<String> CONVERSION_PAGES = List.of("/demo", "/pricing", "/ebook/funnel-benchmarks",
            "/webinars/pipeline-review", "/contact");
    static final List<String> CONTENT_SOURCES = List.of("organic_search", "organic_social", "referral", "email");

    /**
     * The visitor number of session {@code j}: the visitor whose first visit lies a random gap before it,
     * from the uniform columns {@code u_return_kind} and {@code u_return_gap}.
     */
    static final String VISITOR_NUMBER = """
            CAST(floor((j - CAST(least(${return_cap_days},
                                       CASE WHEN u_return_kind < ${long_return_share} THEN ${long_return_days}
                                            ELSE ${short_return_days} END * -ln(1 - u_return_gap))
                                 * ${sessions_per_day} AS BIGINT)) / ${visitor_window}) AS BIGINT)""";

    private static final String QUERY = """
            WITH ${timeline}, ${links},
            session_contacts AS (
                SELECT j, ci, src, delay_s FROM contact_links WHERE j IS NOT NULL
            ), visitor_contacts AS (
                SELECT ${visitor_number} AS vnum, min(ci) AS ci
                FROM (SELECT j, ci, rnd(j, 'return-kind') AS u_return_kind, rnd(j, 'return-gap') AS u_return_gap
                      FROM session_contacts)
                GROUP BY ALL
            ), drawn AS (
                SELECT j, t.day_us, (j - t.first_s + rnd(j, 'session-time')) / (t.next_s - t.first_s) AS f,
                       rnd(j, 'return-kind') AS u_return_kind, rnd(j, 'return-gap') AS u_return_gap,
                       rnd(j, 'session-source') AS u_source, rnd(j, 'session-spelling') AS u_spelling,
                       rnd(j, 'bounce') AS u_bounce, rnd(j, 'pages') AS u_pages, rnd(j, 'page-kind') AS u_page_kind,
                       rnd(j, 'page') AS u_page, rnd(j, 'duration') AS u_duration
                FROM ${row_numbers} r(j)
                JOIN session_days t ON t.b = j // ${session_bucket_size} AND j >= t.first_s AND j < t.next_s
                WHERE j < ${sessions}
            ), placed AS (
                SELECT d.*, ${start_us} AS started_us, ${visitor_number} AS vnum,
                       sc.ci AS converted_ci, sc.delay_s, coalesce(sc.src, ${session_source}) AS src
                FROM drawn d LEFT JOIN session_contacts sc USING (j)
            ), described AS (
                SELECT s.*, vc.ci AS visitor_ci,
                       converted_ci IS NULL AND u_bounce < ${source_bounce}[src] AS bounced,
                       least(40, 2 + CAST(floor(-ln(1 - u_pages) * ${extra_pages_mean}) AS INTEGER)) AS pages
                FROM placed s LEFT JOIN visitor_contacts vc USING (vnum)
            )
            SELECT 's' || CAST(j AS VARCHAR) AS session_id,
                   CAST(make_timestamp(started_us) AS TIMESTAMPTZ) AS started_at,
                   ${raw_source} AS source_raw,
                   'v' || CAST(vnum + ${visitor_offset} AS VARCHAR) AS visitor_id,
                   CAST(coalesce(converted_ci, visitor_ci) + ${contact_id_base} AS VARCHAR) AS contact_id,
                   CASE WHEN converted_ci IS NOT NULL
                            THEN ${conversion_pages}[1 + CAST(floor(u_page * ${conversion_page_count}) AS INTEGER)]
                        WHEN src IN (${content_sources}) AND u_page_kind < ${blog_landing_share}
                            THEN ${blog_pages}[1 + CAST(floor(u_page * u_page * ${blog_page_count}) AS INTEGER)]
                        ELSE ${main_pages}[1 + CAST(floor(u_page * u_page * ${main_page_count}) AS INTEGER)] END AS landing_page,
                   CASE WHEN bounced THEN 1 WHEN converted_ci IS NOT NULL THEN greatest(3, pages) ELSE pages END AS pageviews,
                   CAST(CASE WHEN bounced THEN floor(u_duration * 15)
                             ELSE greatest(coalesce(delay_s + 30, 0),
                                           least(10800, pages * (20 + floor(-ln(1 - u_duration) * ${seconds_per_page_mean}))))
                        END AS INTEGER) AS duration_seconds,
                   bounced
            FROM described""";

    private SessionSql() {
    }

    /** The sessions query for a plan. */
    static String query(Plan plan) {
        double sessionsPerDay = (double) plan.spec().sessions() / plan.days();
        long visitorOffset = (long) Math.ceil(RETURN_CAP_DAYS * sessionsPerDay / VISITOR_WINDOW) + 1;
        return ContactSql.fill(plan)
                .withFragment("visitor_number", VISITOR_NUMBER)
                .withFragment("start_us", Timeline.startMicros("f"))
                .withFragment("session_source", SourceMix.sessionSource("u_source"))
                .withFragment("raw_source", SourceMix.rawSource("src", "u_spelling"))
                .with("sessions_per_day", sessionsPerDay)
                .with("visitor_window", VISITOR_WINDOW)
                .with("visitor_offset", visitorOffset)
                .with("short_return_days", SHORT_RETURN_DAYS)
                .with("long_return_days", LONG_RETURN_DAYS)
                .with("long_return_share", LONG_RETURN_SHARE)
                .with("return_cap_days", RETURN_CAP_DAYS)
                .with("extra_pages_mean", EXTRA_PAGES_MEAN)
                .with("seconds_per_page_mean", SECONDS_PER_PAGE_MEAN)
                .with("blog_landing_share", BLOG_LANDING_SHARE)
                .withFragment("main_pages", SqlTemplate.texts(MAIN_PAGES))
                .with("main_page_count", MAIN_PAGES.size())
                .withFragment("blog_pages", SqlTemplate.texts(BLOG_PAGES))
                .with("blog_page_count", BLOG_PAGES.size())
                .withFragment("conversion_pages", SqlTemplate.texts(CONVERSION_PAGES))
                .with("conversion_page_count", CONVERSION_PAGES.size())
                .withFragment("content_sources", CONTENT_SOURCES.stream().map(source -> String.valueOf(SourceMix.src(source)))
                        .collect(Collectors.joining(", ")))
                .render(QUERY);
    }
}
