package io.funnelql.warehouse.demo;

import java.util.Locale;

/**
 * When things happen: how many contacts and sessions fall on each day of the window, and at what time of
 * day.
 *
 * <p>Each day gets a weight (growth trend times month seasonality, a year-end dip, a weekday factor and
 * some day-to-day noise); the rows of a dataset are dealt out to the days in proportion, in row order, so
 * row {@code i} is never earlier than row {@code i - 1}. Finding a row's day is an equality join on a
 * bucket of row numbers ({@code b = i // bucket_size}) against a table of a few thousand rows, which
 * DuckDB runs in parallel at any scale; a range join (ASOF or IEJoin) over a hundred million rows would
 * have to sort them.
 */
final class Timeline {

    /** Contacts per day grow by this factor a year (a company growing its pipeline 45% a year). */
    static final double CONTACT_GROWTH_PER_YEAR = 1.45;
    /** Sessions grow a little more slowly than contacts: marketing converts traffic better over time. */
    static final double SESSION_GROWTH_PER_YEAR = 1.30;
    /** January..December: strong Q1 and autumn, weak summer; the same for contacts and sessions. */
    static final double[] MONTH_FACTORS = {1.15, 1.15, 1.20, 1.00, 1.00, 0.90, 0.75, 0.70, 1.10, 1.20, 1.15, 0.95};
    /** From December 22 to January 1 little happens in B2B. */
    static final double YEAR_END_FACTOR = 0.40;
    /** Monday..Sunday. Hardly anyone fills in a B2B form on a weekend; some still read the blog. */
    static final double[] CONTACT_WEEKDAY_FACTORS = {1.00, 1.08, 1.05, 1.00, 0.85, 0.25, 0.22};
    static final double[] SESSION_WEEKDAY_FACTORS = {1.00, 1.05, 1.05, 1.00, 0.90, 0.45, 0.40};
    /** Day-to-day noise: a day's weight is multiplied by a uniform factor in 1 ± this. */
    static final double CONTACT_DAY_NOISE = 0.20;
    static final double SESSION_DAY_NOISE = 0.10;
    /**
     * Time of day, as (hour, share of the day's rows before that hour): office hours, a lunch dip, little
     * at night. Rows are spread evenly between the points.
     */
    static final double[][] TIME_OF_DAY = {
            {0, 0.00}, {7, 0.04}, {9, 0.14}, {12, 0.46}, {13, 0.52}, {17, 0.86}, {19, 0.93}, {24, 1.00}};

    /**
     * The CTEs {@code timeline} (one row per day: {@code d}, {@code dt}, {@code day_us}, the first contact
     * and session row of the day and of the next day), {@code contact_days} and {@code session_days}
     * (the days each bucket of row numbers touches).
     */
    static final String CTES = """
            calendar AS (
                SELECT d, (${from} + CAST(d AS INTEGER)) AS dt
                FROM range(${days}) t(d)
            ), weights AS (
                SELECT d, dt,
                       CAST(round(1e6 * power(${contact_growth}, d / 365.25) * season
                                  * ${contact_weekday}[isodow(dt)]
                                  * (1 - ${contact_noise} + 2 * ${contact_noise} * rnd(d, 'contact-day'))) AS BIGINT) AS w_c,
                       CAST(round(1e6 * power(${session_growth}, d / 365.25) * season
                                  * ${session_weekday}[isodow(dt)]
                                  * (1 - ${session_noise} + 2 * ${session_noise} * rnd(d, 'session-day'))) AS BIGINT) AS w_s
                FROM (SELECT d, dt,
                             ${month_factors}[month(dt)]
                             * CASE WHEN (month(dt) = 12 AND dayofmonth(dt) >= 22) OR (month(dt) = 1 AND dayofmonth(dt) = 1)
                                    THEN ${year_end_factor} ELSE 1 END AS season
                      FROM calendar)
            ), cumulative AS (
                SELECT d, dt, w_c, w_s,
                       sum(w_c) OVER (ORDER BY d) - w_c AS before_c, sum(w_c) OVER () AS total_c,
                       sum(w_s) OVER (ORDER BY d) - w_s AS before_s, sum(w_s) OVER () AS total_s
                FROM weights
            ), timeline AS (
                SELECT d, dt, (${from_epoch_day} + d) * 86400000000 AS day_us,
                       CAST(CAST(${contacts} AS HUGEINT) * before_c // total_c AS BIGINT) AS first_c,
                       CAST(CAST(${contacts} AS HUGEINT) * (before_c + w_c) // total_c AS BIGINT) AS next_c,
                       CAST(CAST(${sessions} AS HUGEINT) * before_s // total_s AS BIGINT) AS first_s,
                       CAST(CAST(${sessions} AS HUGEINT) * (before_s + w_s) // total_s AS BIGINT) AS next_s
                FROM cumulative
            ), contact_days AS (
                SELECT b, t.*
                FROM range(${contact_buckets}) r(b)
                JOIN timeline t ON t.first_c < (b + 1) * ${contact_bucket_size} AND t.next_c > b * ${contact_bucket_size}
            ), session_days AS (
                SELECT b, t.*
                FROM range(${session_buckets}) r(b)
                JOIN timeline t ON t.first_s < (b + 1) * ${session_bucket_size} AND t.next_s > b * ${session_bucket_size}
            )""";

    private Timeline() {
    }

    /** Puts the timeline's constants into a template. */
    static SqlTemplate fill(SqlTemplate template) {
        return template
                .with("contact_growth", CONTACT_GROWTH_PER_YEAR)
                .with("session_growth", SESSION_GROWTH_PER_YEAR)
                .withList("month_factors", MONTH_FACTORS)
                .with("year_end_factor", YEAR_END_FACTOR)
                .withList("contact_weekday", CONTACT_WEEKDAY_FACTORS)
                .withList("session_weekday", SESSION_WEEKDAY_FACTORS)
                .with("contact_noise", CONTACT_DAY_NOISE)
                .with("session_noise", SESSION_DAY_NOISE);
    }

    /**
     * The whole second of the day (0..86399) at which a row falls, given the fraction (in [0, 1)) of the
     * day's rows before it; non-decreasing in the fraction, so rows stay in time order.
     */
    static String secondsOfDay(String fraction) {
        StringBuilder sql = new StringBuilder("CAST(floor(CASE");
        for (int p = 1; p < TIME_OF_DAY.length; p++) {
            double hourFrom = TIME_OF_DAY[p - 1][0];
            double hourTo = TIME_OF_DAY[p][0];
            double shareFrom = TIME_OF_DAY[p - 1][1];
            double shareTo = TIME_OF_DAY[p][1];
            String share = "(" + fraction + ")";
            String piece = String.format(Locale.ROOT, "%s + (%s - %s) * %s",
                    SqlTemplate.number(hourFrom * 3600), share, SqlTemplate.number(shareFrom),
                    SqlTemplate.number((hourTo - hourFrom) * 3600 / (shareTo - shareFrom)));
            if (p < TIME_OF_DAY.length - 1) {
                sql.append(" WHEN ").append(share).append(" < ").append(SqlTemplate.number(shareTo)).append(" THEN ").append(piece);
            } else {
                sql.append(" ELSE least(86399, ").append(piece).append(")");
            }
        }
        return sql.append(" END) AS BIGINT)").toString();
    }

    /**
     * The local start, in microseconds, of the row at fraction {@code fraction} (a column) of the rows of
     * its day, over the day's {@code day_us}. Sessions and the contacts who converted in them both use it,
     * so a contact's creation lands right after its session.
     */
    static String startMicros(String fraction) {
        return "(day_us + " + secondsOfDay(fraction) + " * 1000000)";
    }

    /**
     * A lag in microseconds (whole seconds) from {@code u}, a uniform number in [0, 1): log-logistic with
     * the given median (days) and spread (about the standard deviation of its log), cut at three spreads
     * either side so that no lag is absurd. 0.5513 is the logistic's scale for a standard deviation of 1.
     */
    static String lag(String u, double medianDays, double spread) {
        return String.format(Locale.ROOT,
                "1000000 * CAST(%s * 86400 * exp(%s * greatest(-3, least(3, 0.5513 * ln((%s + 1e-12) / (1 - %s + 1e-12))))) AS BIGINT)",
                SqlTemplate.number(medianDays), SqlTemplate.number(spread), u, u);
    }
}
