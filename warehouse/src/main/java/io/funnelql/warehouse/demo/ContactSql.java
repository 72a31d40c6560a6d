package io.funnelql.warehouse.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;

/**
 * The contacts: when each was created, from which source, and when it entered each lifecycle stage.
 *
 * <p>A contact enters the funnel at its source's entry stage when it is created, then moves on stage by
 * stage with the source's chances (see {@link SourceMix}) after log-logistic lags: hours to weeks early in
 * the funnel, months before a deal is won. Only the stages reached by {@code until} carry a date, so the
 * latest cohorts are still in progress. An inbound contact is created a few minutes after a web session
 * (the form fill); sales-led ones have no session. A few contacts are deliberately messy (a later stage
 * dated before an earlier one), and one trade-show list is imported in a single minute.
 */
final class ContactSql {

    /** Lags between stages: the median in days and the spread (sigma of the log; 1 is wide). */
    static final double SUBSCRIBER_TO_LEAD_DAYS = 21, SUBSCRIBER_TO_LEAD_SPREAD = 1.0;
    static final double LEAD_TO_MQL_DAYS = 2, LEAD_TO_MQL_SPREAD = 1.2;
    static final double MQL_TO_SQL_DAYS = 6, MQL_TO_SQL_SPREAD = 0.9;
    static final double SQL_TO_OPPORTUNITY_DAYS = 18, SQL_TO_OPPORTUNITY_SPREAD = 0.6;
    static final double OPPORTUNITY_TO_CUSTOMER_DAYS = 55, OPPORTUNITY_TO_CUSTOMER_SPREAD = 0.45;
    static final double CUSTOMER_TO_EVANGELIST_DAYS = 150, CUSTOMER_TO_EVANGELIST_SPREAD = 0.5;
    /** The last change to a contact (an email opened, a property edited) after its last stage. */
    static final double ACTIVITY_DAYS = 12, ACTIVITY_SPREAD = 1.0;
    /** Share of customers who become evangelists (case study, referral). */
    static final double EVANGELIST_RATE = 0.12;
    /** Share of contacts with two consecutive stage dates whose dates are swapped (later stage first). */
    static final double MESSY_RATE = 0.02;
    /** A form fill happens this many seconds (uniform) after the session starts. */
    static final long FORM_DELAY_MIN_SECONDS = 60, FORM_DELAY_MAX_SECONDS = 900;
    /** Share of contacts in the imported trade-show list, drawn from the 90 days before the import. */
    static final double TRADE_SHOW_LIST_SHARE = 0.006;
    static final int TRADE_SHOW_LIST_WINDOW_DAYS = 90;
    /** Contact ids are numbers from here, like CRM record ids. */
    static final long CONTACT_ID_BASE = 1_000_001;

    /**
     * The CTE {@code contact_links}: one row per contact {@code ci} with its day ({@code d}, {@code dt},
     * {@code day_us}, {@code k} its rank that day of {@code n_c}), its source {@code src} (see
     * {@link SourceMix#fill}), {@code bulk} (in the trade-show list), and {@code j}, the session it
     * converted in: NULL for sales-led sources, or when that day has fewer sessions than contacts. Contact
     * {@code k} of a day converts in session {@code (2k + 1) * n_s // (2 * n_c)} of the same day: distinct
     * sessions, in time order. Needs {@code timeline} and {@code contact_days}.
     */
    static final String LINKS = """
            trade_show_window AS (
                SELECT min(first_c) AS lo, max(next_c) AS hi
                FROM timeline WHERE dt >= ${import_day} - ${list_window_days} AND dt < ${import_day}
            ), contact_core AS (
                SELECT ci, t.d, t.dt, t.day_us, ci - t.first_c AS k, t.next_c - t.first_c AS n_c,
                       t.first_s, t.next_s - t.first_s AS n_s,
                       coalesce(ci >= w.lo AND ci < w.hi
                                AND rnd(ci, 'trade-show') < CAST(${list_contacts} AS DOUBLE) / greatest(1, w.hi - w.lo), false) AS bulk,
                       rnd(ci, 'contact-source') AS u_source
                FROM ${row_numbers} r(ci)
                JOIN contact_days t ON t.b = ci // ${contact_bucket_size} AND ci >= t.first_c AND ci < t.next_c
                CROSS JOIN trade_show_window w
                WHERE ci < ${contacts}
            ), contact_links AS (
                SELECT *,
                       CASE WHEN NOT ${source_outbound}[src] AND n_s >= n_c
                            THEN first_s + CAST((2 * CAST(k AS HUGEINT) + 1) * n_s // (2 * n_c) AS BIGINT) END AS j,
                       ${form_delay_min} + CAST(floor(rnd(ci, 'form-delay') * ${form_delay_range}) AS BIGINT) AS delay_s
                FROM (SELECT *, CASE WHEN bulk THEN ${events_src} ELSE ${contact_source} END AS src FROM contact_core)
            )""";

    private static final String QUERY = """
            WITH ${timeline}, ${links},
            contact_times AS (
                SELECT ci, src, bulk, j, delay_s, day_us,
                       (j - first_s + rnd(j, 'session-time')) / n_s AS f_session,
                       (k + rnd(ci, 'contact-time')) / n_c AS f_contact
                FROM contact_links
            ), contacts_ready AS (
                SELECT ci, src, bulk,
                       CASE WHEN bulk THEN ${import_us} + 1000000 * CAST(floor(rnd(ci, 'import-second') * 60) AS BIGINT)
                            WHEN j IS NOT NULL THEN least(${session_start_us} + 1000000 * delay_s, ${end_us} - 1000000)
                            ELSE ${contact_start_us} END AS created_us
                FROM contact_times
            ), ${identity},
            staged AS (
                SELECT ci, src, created_us,
                       CASE WHEN bulk THEN 3
                            WHEN u_entry < ${source_entry}[src][1] THEN 1
                            WHEN u_entry < ${source_entry}[src][1] + ${source_entry}[src][2] THEN 2
                            WHEN u_entry < ${source_entry}[src][1] + ${source_entry}[src][2] + ${source_entry}[src][3] THEN 3
                            ELSE 4 END AS entry,
                       rnd(ci, 'to-lead') < ${source_conversion}[src][1] AS to_lead,
                       rnd(ci, 'to-mql') < ${source_conversion}[src][2] AS to_mql,
                       rnd(ci, 'to-sql') < ${source_conversion}[src][3] AS to_sql,
                       rnd(ci, 'to-opportunity') < ${source_conversion}[src][4] AS to_opportunity,
                       rnd(ci, 'to-customer') < ${source_conversion}[src][5] AS to_customer,
                       rnd(ci, 'to-evangelist') < ${evangelist_rate} AS to_evangelist,
                       rnd(ci, 'lag-lead') AS u_lead, rnd(ci, 'lag-mql') AS u_mql, rnd(ci, 'lag-sql') AS u_sql,
                       rnd(ci, 'lag-opportunity') AS u_opportunity, rnd(ci, 'lag-customer') AS u_customer,
                       rnd(ci, 'lag-evangelist') AS u_evangelist, rnd(ci, 'lag-activity') AS u_activity,
                       rnd(ci, 'contact-spelling') AS u_spelling, rnd(ci, 'detail') AS u_detail,
                       rnd(ci, 'messy') AS u_messy
                FROM (SELECT *, rnd(ci, 'entry') AS u_entry FROM contacts_ready)
            ), potential AS (
                SELECT *,
                       CASE WHEN entry = 1 THEN created_us END AS subscriber_p,
                       CASE WHEN entry = 2 THEN created_us WHEN entry = 1 AND to_lead THEN subscriber_p + ${lag_lead} END AS lead_p,
                       CASE WHEN entry = 3 THEN created_us WHEN entry < 3 AND to_mql THEN lead_p + ${lag_mql} END AS mql_p,
                       CASE WHEN entry = 4 THEN created_us WHEN entry < 4 AND to_sql THEN mql_p + ${lag_sql} END AS sql_p,
                       CASE WHEN to_opportunity THEN sql_p + ${lag_opportunity} END AS opportunity_p,
                       CASE WHEN to_customer THEN opportunity_p + ${lag_customer} END AS customer_p,
                       CASE WHEN to_evangelist THEN customer_p + ${lag_evangelist} END AS evangelist_p
                FROM staged
            ), reached AS (
                SELECT ci, src, created_us, u_activity, u_spelling, u_detail, u_messy,
                       CASE WHEN subscriber_p < ${end_us} THEN subscriber_p END AS subscriber_us,
                       CASE WHEN lead_p < ${end_us} THEN lead_p END AS lead_us,
                       CASE WHEN mql_p < ${end_us} THEN mql_p END AS mql_us,
                       CASE WHEN sql_p < ${end_us} THEN sql_p END AS sql_us,
                       CASE WHEN opportunity_p < ${end_us} THEN opportunity_p END AS opportunity_us,
                       CASE WHEN customer_p < ${end_us} THEN customer_p END AS customer_us,
                       CASE WHEN evangelist_p < ${end_us} THEN evangelist_p END AS evangelist_us
                FROM potential
            ), messy AS (
                -- 0: clean; 1: lead and MQL dates swapped; 2: MQL and SQL dates swapped
                SELECT *,
                       CASE WHEN u_messy >= ${messy_rate} THEN 0
                            WHEN mql_us IS NOT NULL AND sql_us IS NOT NULL THEN 2
                            WHEN lead_us IS NOT NULL AND mql_us IS NOT NULL THEN 1
                            ELSE 0 END AS swap
                FROM reached
            )
            SELECT CAST(ci + ${contact_id_base} AS VARCHAR) AS contact_id,
                   CAST(make_timestamp(created_us) AS TIMESTAMPTZ) AS created_at,
                   ${raw_source} AS source_raw,
                   ${source_details}[src][1 + CAST(floor(len(${source_details}[src]) * pow(u_detail, 2)) AS INTEGER)] AS source_detail,
                   i.email, i.company,
                   CASE WHEN evangelist_us IS NOT NULL THEN 'evangelist'
                        WHEN customer_us IS NOT NULL THEN 'customer'
                        WHEN opportunity_us IS NOT NULL THEN 'opportunity'
                        WHEN sql_us IS NOT NULL THEN 'salesqualifiedlead'
                        WHEN mql_us IS NOT NULL THEN 'marketingqualifiedlead'
                        WHEN lead_us IS NOT NULL THEN 'lead'
                        ELSE 'subscriber' END AS lifecycle_stage,
                   CAST(make_timestamp(subscriber_us) AS TIMESTAMPTZ) AS subscriber_at,
                   CAST(make_timestamp(CASE swap WHEN 1 THEN mql_us ELSE lead_us END) AS TIMESTAMPTZ) AS lead_at,
                   CAST(make_timestamp(CASE swap WHEN 1 THEN lead_us WHEN 2 THEN sql_us ELSE mql_us END) AS TIMESTAMPTZ) AS mql_at,
                   CAST(make_timestamp(CASE swap WHEN 2 THEN mql_us ELSE sql_us END) AS TIMESTAMPTZ) AS sql_at,
                   CAST(make_timestamp(opportunity_us) AS TIMESTAMPTZ) AS opportunity_at,
                   CAST(make_timestamp(customer_us) AS TIMESTAMPTZ) AS customer_at,
                   CAST(make_timestamp(evangelist_us) AS TIMESTAMPTZ) AS evangelist_at,
                   CAST(make_timestamp(least(${end_us} - 1000000,
                        greatest(created_us, subscriber_us, lead_us, mql_us, sql_us, opportunity_us, customer_us, evangelist_us)
                        + ${lag_activity})) AS TIMESTAMPTZ) AS updated_at
            FROM messy JOIN identity i USING (ci)
            ORDER BY created_us, ci""";

    private ContactSql() {
    }

    /** The contacts query for a plan. */
    static String query(Plan plan) {
        return fill(plan).render(QUERY);
    }

    /** A template with everything {@link #LINKS} and the timeline need. */
    static SqlTemplate fill(Plan plan) {
        LocalDate importDay = importDay(plan.until());
        SqlTemplate template = Timeline.fill(SourceMix.fill(plan.template()));
        return Identity.fill(template, plan.spec().contacts())
                .withFragment("timeline", Timeline.CTES)
                .withFragment("links", LINKS)
                .withFragment("contact_source", SourceMix.contactSource("u_source"))
                .with("events_src", SourceMix.src("events"))
                .withFragment("raw_source", SourceMix.rawSource("src", "u_spelling"))
                .withFragment("session_start_us", Timeline.startMicros("f_session"))
                .withFragment("contact_start_us", Timeline.startMicros("f_contact"))
                .with("import_day", importDay)
                // The list is imported at 14:05 local time the day after the show.
                .with("import_us", importDay.toEpochDay() * Plan.MICROS_PER_DAY + (14 * 3600 + 5 * 60) * 1_000_000L)
                .with("list_window_days", TRADE_SHOW_LIST_WINDOW_DAYS)
                .with("list_contacts", Math.max(1, Math.round(plan.spec().contacts() * TRADE_SHOW_LIST_SHARE)))
                .with("form_delay_min", FORM_DELAY_MIN_SECONDS)
                .with("form_delay_range", FORM_DELAY_MAX_SECONDS - FORM_DELAY_MIN_SECONDS)
                .with("evangelist_rate", EVANGELIST_RATE)
                .with("messy_rate", MESSY_RATE)
                .with("contact_id_base", CONTACT_ID_BASE)
                .withFragment("lag_lead", Timeline.lag("u_lead", SUBSCRIBER_TO_LEAD_DAYS, SUBSCRIBER_TO_LEAD_SPREAD))
                .withFragment("lag_mql", Timeline.lag("u_mql", LEAD_TO_MQL_DAYS, LEAD_TO_MQL_SPREAD))
                .withFragment("lag_sql", Timeline.lag("u_sql", MQL_TO_SQL_DAYS, MQL_TO_SQL_SPREAD))
                .withFragment("lag_opportunity", Timeline.lag("u_opportunity", SQL_TO_OPPORTUNITY_DAYS, SQL_TO_OPPORTUNITY_SPREAD))
                .withFragment("lag_customer", Timeline.lag("u_customer", OPPORTUNITY_TO_CUSTOMER_DAYS, OPPORTUNITY_TO_CUSTOMER_SPREAD))
                .withFragment("lag_evangelist", Timeline.lag("u_evangelist", CUSTOMER_TO_EVANGELIST_DAYS, CUSTOMER_TO_EVANGELIST_SPREAD))
                .withFragment("lag_activity", Timeline.lag("u_activity", ACTIVITY_DAYS, ACTIVITY_SPREAD));
    }

    /**
     * The trade show is on the second Wednesday of October of the year before {@code until}'s, which is
     * always inside the window with room for the list's 90 days before it; the list is imported the day
     * after.
     */
    static LocalDate importDay(LocalDate until) {
        LocalDate october = LocalDate.of(until.getYear() - 1, Month.OCTOBER, 1);
        return october.with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.WEDNESDAY)).plusDays(1);
    }
}
