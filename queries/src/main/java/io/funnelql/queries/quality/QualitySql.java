package io.funnelql.queries.quality;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.funnelql.queries.engine.Dialect;
import io.funnelql.queries.engine.Parameters;
import io.funnelql.queries.engine.SqlStatement;
import io.funnelql.queries.metric.ScopeSql;
import io.funnelql.queries.report.ReportScope;

/**
 * One statement per data-quality check, over the current tables. Each check's {@code hits} query gives the
 * records (or minutes, sources, weeks) it found as {@code example}, how many records each stands for as
 * {@code weight} and the examples' order as {@code rank}; {@link #WRAPPER} turns them into the count and the
 * first ten examples.
 */
final class QualitySql {

    /** Local part (before any {@code +tag}) that marks a shared mailbox rather than a person. */
    static final List<String> ROLE_NAMES = List.of("accounts", "admin", "billing", "careers", "contact", "enquiries",
            "feedback", "hello", "help", "hr", "info", "inquiries", "jobs", "mail", "marketing", "no-reply", "noreply",
            "office", "postmaster", "press", "sales", "service", "support", "team", "webmaster");

    /** Domains of free-mail providers. */
    static final List<String> FREE_MAIL_DOMAINS = List.of("163.com", "aol.com", "fastmail.com", "gmail.com",
            "googlemail.com", "gmx.com", "gmx.de", "gmx.net", "hotmail.co.uk", "hotmail.com", "icloud.com", "live.com",
            "mac.com", "mail.com", "mail.ru", "me.com", "msn.com", "outlook.com", "proton.me", "protonmail.com", "qq.com",
            "web.de", "yahoo.co.uk", "yahoo.com", "yandex.com", "yandex.ru", "ymail.com", "zoho.com");

    private static final String WRAPPER = """
            WITH hits AS (
            {hits}
            )
            SELECT (SELECT coalesce(sum(weight), 0) FROM hits) AS total,
                   (SELECT coalesce(list(example ORDER BY rank, example), []) FROM (
                        SELECT example, rank FROM hits ORDER BY rank, example LIMIT 10)) AS examples""";

    /** When a contact entered MQL, cumulatively: its MQL date or, when it skipped MQL, the next stage's. */
    private static final String MQL_ENTRY = "coalesce(mql_at, sql_at, opportunity_at, customer_at, evangelist_at)";

    private static final String ROLE_ADDRESS_MQLS = """
            SELECT contact_id AS example, 1 AS weight, 0 AS rank FROM contacts
            WHERE {mqlEntry} >= {from} AND {mqlEntry} < {to}
              AND regexp_extract(lower(trim(email)), '^([^@+]+)[^@]*@', 1) IN ({roleNames})""";

    private static final String FREE_MAIL_MQLS = """
            SELECT contact_id AS example, 1 AS weight, 0 AS rank FROM contacts
            WHERE {mqlEntry} >= {from} AND {mqlEntry} < {to}
              AND regexp_extract(lower(trim(email)), '@([^@]+)$', 1) IN ({domains})""";

    private static final String BULK_MQL_STAMPING = """
            SELECT strftime(minute, '%Y-%m-%dT%H:%MZ') AS example, contacts AS weight, -contacts AS rank FROM (
                SELECT date_trunc('minute', mql_at) AS minute, count(*) AS contacts FROM contacts
                WHERE mql_at >= {from} AND mql_at < {to}
                GROUP BY 1 HAVING count(*) >= {threshold})""";

    private static final String STAGES_OUT_OF_ORDER = """
            SELECT contact_id AS example, 1 AS weight, 0 AS rank FROM contacts
            WHERE created_at >= {from} AND created_at < {to} AND (
                   subscriber_at < created_at
                OR lead_at < greatest(created_at, subscriber_at)
                OR mql_at < greatest(created_at, subscriber_at, lead_at)
                OR sql_at < greatest(created_at, subscriber_at, lead_at, mql_at)
                OR opportunity_at < greatest(created_at, subscriber_at, lead_at, mql_at, sql_at)
                OR customer_at < greatest(created_at, subscriber_at, lead_at, mql_at, sql_at, opportunity_at)
                OR evangelist_at < greatest(created_at, subscriber_at, lead_at, mql_at, sql_at, opportunity_at, customer_at))""";

    private static final String DEALS_WITH_UNKNOWN_CONTACT = """
            SELECT d.deal_id AS example, 1 AS weight, 0 AS rank FROM deals d
            WHERE d.closed_at >= {from} AND d.closed_at < {to} AND d.contact_id IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM contacts c WHERE c.contact_id = d.contact_id)""";

    private static final String DEALS_WITHOUT_CONTACT = """
            SELECT deal_id AS example, 1 AS weight, 0 AS rank FROM deals
            WHERE closed_at >= {from} AND closed_at < {to} AND contact_id IS NULL""";

    /** A source the lookup does not give is a raw source kept as written (as the sources list marks it). */
    private static final String UNMAPPED_SOURCES = """
            SELECT source_raw AS example, count(*) AS weight, -count(*) AS rank FROM {table}
            WHERE {dated} >= {from} AND {dated} < {to} AND source NOT IN (SELECT source FROM source_lookup)
            GROUP BY source_raw""";

    private static final String UNKNOWN_SOURCES = """
            SELECT {id} AS example, 1 AS weight, 0 AS rank FROM {table}
            WHERE {dated} >= {from} AND {dated} < {to} AND source = 'unknown'""";

    /** Weeks of the range without rows, between the dataset's first and last row (anywhere in the data). */
    private static final String GAPS = """
            SELECT strftime(w.period_start, '%Y-%m-%d') AS example, 1 AS weight, w.period_start AS rank
            FROM {weeks} w, (SELECT epoch_us(min({dated})) AS first_us, epoch_us(max({dated})) AS last_us FROM {table}) b
            WHERE b.first_us < w.starts_us AND b.last_us >= w.ends_us
              AND w.period_start NOT IN (SELECT DISTINCT {week} FROM {table} WHERE {dated} >= {from} AND {dated} < {to})""";

    /** The same for spend, whose rows are dated by calendar day. */
    private static final String SPEND_GAPS = """
            SELECT strftime(w.period_start, '%Y-%m-%d') AS example, 1 AS weight, w.period_start AS rank
            FROM {weeks} w, (SELECT min(date) AS first_day, max(date) AS last_day FROM spend) b
            WHERE b.first_day < w.period_start AND b.last_day >= w.period_start + 7
              AND w.period_start NOT IN (SELECT DISTINCT {dayWeek} FROM spend WHERE date >= {firstDay} AND date < {endDay})""";

    /** A dataset whose rows are dated by an instant: its current table, id column and date column. */
    private enum Table {
        CONTACTS("contacts", "contact_id", "created_at"),
        SESSIONS("sessions", "session_id", "started_at"),
        DEALS("deals", "deal_id", "closed_at");

        final String name;
        final String id;
        final String dated;

        Table(String name, String id, String dated) {
            this.name = name;
            this.id = id;
            this.dated = dated;
        }
    }

    private QualitySql() {
    }

    /**
     * The statement of one check.
     *
     * @param range the range's days, {@code [from, to)} as instants in the report time zone
     * @param weeks the weeks overlapping the range, whole, for the gap checks
     */
    static SqlStatement build(QualityCheck check, Dialect dialect, Instant from, Instant to,
                              ReportScope weeks, int bulkMqlThreshold) {
        Parameters parameters = new Parameters(dialect);
        Map<String, String> values = new HashMap<>();
        String hits = switch (check) {
            case ROLE_ADDRESS_MQLS -> {
                values.put("roleNames", list(parameters, ROLE_NAMES));
                yield mqls(ROLE_ADDRESS_MQLS, parameters, values, from, to);
            }
            case FREE_MAIL_MQLS -> {
                values.put("domains", list(parameters, FREE_MAIL_DOMAINS));
                yield mqls(FREE_MAIL_MQLS, parameters, values, from, to);
            }
            case BULK_MQL_STAMPING -> {
                range(parameters, values, from, to);
                values.put("threshold", parameters.add(bulkMqlThreshold));
                yield BULK_MQL_STAMPING;
            }
            case STAGES_OUT_OF_ORDER -> range(parameters, values, from, to, STAGES_OUT_OF_ORDER);
            case DEALS_WITH_UNKNOWN_CONTACT -> range(parameters, values, from, to, DEALS_WITH_UNKNOWN_CONTACT);
            case DEALS_WITHOUT_CONTACT -> range(parameters, values, from, to, DEALS_WITHOUT_CONTACT);
            case UNMAPPED_CONTACT_SOURCES -> table(Table.CONTACTS, parameters, values, from, to, UNMAPPED_SOURCES);
            case UNMAPPED_SESSION_SOURCES -> table(Table.SESSIONS, parameters, values, from, to, UNMAPPED_SOURCES);
            case UNKNOWN_CONTACT_SOURCES -> table(Table.CONTACTS, parameters, values, from, to, UNKNOWN_SOURCES);
            case UNKNOWN_SESSION_SOURCES -> table(Table.SESSIONS, parameters, values, from, to, UNKNOWN_SOURCES);
            case CONTACT_GAPS -> gaps(Table.CONTACTS, dialect, parameters, values, weeks);
            case SESSION_GAPS -> gaps(Table.SESSIONS, dialect, parameters, values, weeks);
            case DEAL_GAPS -> gaps(Table.DEALS, dialect, parameters, values, weeks);
            case SPEND_GAPS -> {
                String weekOffset = ScopeSql.weekOffset(parameters, weeks);
                values.put("weeks", ScopeSql.periods(parameters, weeks));
                values.put("dayWeek", dialect.periodStartOfDate("date", weeks.grain(), weekOffset, "0"));
                values.put("firstDay", "CAST(" + parameters.add(weeks.firstDay()) + " AS DATE)");
                values.put("endDay", "CAST(" + parameters.add(weeks.endDay()) + " AS DATE)");
                yield SPEND_GAPS;
            }
        };
        return new SqlStatement(ScopeSql.fill(WRAPPER.replace("{hits}", hits), values), parameters.values());
    }

    private static String mqls(String template, Parameters parameters, Map<String, String> values, Instant from,
                               Instant to) {
        values.put("mqlEntry", MQL_ENTRY);
        return range(parameters, values, from, to, template);
    }

    private static String table(Table table, Parameters parameters, Map<String, String> values, Instant from,
                                Instant to, String template) {
        values.put("table", table.name);
        values.put("id", table.id);
        values.put("dated", table.dated);
        return range(parameters, values, from, to, template);
    }

    private static String gaps(Table table, Dialect dialect, Parameters parameters, Map<String, String> values,
                               ReportScope weeks) {
        String weekOffset = ScopeSql.weekOffset(parameters, weeks);
        values.put("weeks", ScopeSql.periods(parameters, weeks));
        values.put("week", ScopeSql.periodOf(dialect, weeks, table.dated, weekOffset, "0"));
        return table(table, parameters, values, weeks.from(), weeks.to(), GAPS);
    }

    private static String range(Parameters parameters, Map<String, String> values, Instant from, Instant to,
                                String template) {
        range(parameters, values, from, to);
        return template;
    }

    private static void range(Parameters parameters, Map<String, String> values, Instant from, Instant to) {
        values.put("from", "CAST(" + parameters.add(ScopeSql.timestamp(from)) + " AS TIMESTAMPTZ)");
        values.put("to", "CAST(" + parameters.add(ScopeSql.timestamp(to)) + " AS TIMESTAMPTZ)");
    }

    private static String list(Parameters parameters, List<String> values) {
        return values.stream().map(parameters::add).collect(Collectors.joining(", "));
    }
}
