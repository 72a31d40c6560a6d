package io.funnelql.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * A deterministic contacts CSV in the shape of a HubSpot contacts export, written by DuckDB's
 * {@code COPY ... TO}. Row {@code i} is a pure function of {@code i}, so the same N always gives the same
 * bytes (and the same SHA-256).
 */
final class ContactsCsv {

    /** The export's headers, in file order; {@link #PLAIN_TABLE} stores them with FunnelQL's types. */
    static final List<String> HEADERS = List.of("Record ID", "First Name", "Last Name", "Email", "Company Name",
            "Create Date", "Original Source", "Original Source Drill-Down 1", "Lifecycle Stage",
            "Became a Subscriber Date", "Became a Lead Date", "Became a Marketing Qualified Lead Date",
            "Became a Sales Qualified Lead Date", "Became an Opportunity Date", "Became a Customer Date",
            "Became an Evangelist Date", "Last Modified Date");

    /**
     * Row i: created within 2021-2023 at a minute-precise time; each later stage reached by a shrinking
     * share of contacts (60% subscriber ... 0.2% evangelist), each some days after the one before; HubSpot's
     * original-source values, internal names and labels mixed, a few blank.
     */
    private static final String GENERATE = """
            COPY (
              WITH base AS (
                SELECT i,
                       TIMESTAMP '2021-01-01' + to_minutes((i * 7919) % (3 * 365 * 1440)) AS created,
                       (i * 2654435761) % 1000 AS p
                FROM range(?) t(i)
              ), staged AS (
                SELECT *,
                       CASE WHEN p < 600 THEN created + to_days(1 + i % 5) END AS subscriber,
                       CASE WHEN p < 400 THEN created + to_days(3 + i % 11) END AS lead,
                       CASE WHEN p < 200 THEN created + to_days(9 + i % 23) END AS mql,
                       CASE WHEN p < 80 THEN created + to_days(20 + i % 31) END AS sql,
                       CASE WHEN p < 50 THEN created + to_days(30 + i % 41) END AS opportunity,
                       CASE WHEN p < 20 THEN created + to_days(60 + i % 61) END AS customer,
                       CASE WHEN p < 2 THEN created + to_days(200 + i % 97) END AS evangelist
                FROM base
              )
              SELECT CAST(100000 + i AS VARCHAR) AS "Record ID",
                     'First' || (i % 997) AS "First Name",
                     'Last' || (i % 1009) AS "Last Name",
                     'user' || i || '@example' || (i % 500) || '.com' AS "Email",
                     'Company ' || (i % 50000) AS "Company Name",
                     strftime(created, '%Y-%m-%d %H:%M') AS "Create Date",
                     ['ORGANIC_SEARCH', 'Organic Search', 'PAID_SEARCH', 'EMAIL_MARKETING', 'SOCIAL_MEDIA',
                      'PAID_SOCIAL', 'REFERRALS', 'DIRECT_TRAFFIC', 'OFFLINE', 'OTHER_CAMPAIGNS', 'Webinar', '']
                         [1 + (i * 31) % 12] AS "Original Source",
                     'campaign-' || (i % 40) AS "Original Source Drill-Down 1",
                     CASE WHEN evangelist IS NOT NULL THEN 'evangelist' WHEN customer IS NOT NULL THEN 'customer'
                          WHEN opportunity IS NOT NULL THEN 'opportunity' WHEN sql IS NOT NULL THEN 'salesqualifiedlead'
                          WHEN mql IS NOT NULL THEN 'marketingqualifiedlead' WHEN lead IS NOT NULL THEN 'lead'
                          WHEN subscriber IS NOT NULL THEN 'subscriber' ELSE 'other' END AS "Lifecycle Stage",
                     strftime(subscriber, '%Y-%m-%d %H:%M') AS "Became a Subscriber Date",
                     strftime(lead, '%Y-%m-%d %H:%M') AS "Became a Lead Date",
                     strftime(mql, '%Y-%m-%d %H:%M') AS "Became a Marketing Qualified Lead Date",
                     strftime(sql, '%Y-%m-%d %H:%M') AS "Became a Sales Qualified Lead Date",
                     strftime(opportunity, '%Y-%m-%d %H:%M') AS "Became an Opportunity Date",
                     strftime(customer, '%Y-%m-%d %H:%M') AS "Became a Customer Date",
                     strftime(evangelist, '%Y-%m-%d %H:%M') AS "Became an Evangelist Date",
                     strftime(coalesce(evangelist, customer, opportunity, sql, mql, lead, subscriber, created)
                              + to_hours(1), '%Y-%m-%d %H:%M') AS "Last Modified Date"
              FROM staged ORDER BY i
            ) TO $TARGET (FORMAT csv, HEADER)""";

    /** A plain table with the export's columns and the types FunnelQL stores them as. */
    static final String PLAIN_TABLE = """
            CREATE TABLE plain_contacts (
              "Record ID" VARCHAR, "First Name" VARCHAR, "Last Name" VARCHAR, "Email" VARCHAR,
              "Company Name" VARCHAR, "Create Date" TIMESTAMPTZ, "Original Source" VARCHAR,
              "Original Source Drill-Down 1" VARCHAR, "Lifecycle Stage" VARCHAR,
              "Became a Subscriber Date" TIMESTAMPTZ, "Became a Lead Date" TIMESTAMPTZ,
              "Became a Marketing Qualified Lead Date" TIMESTAMPTZ, "Became a Sales Qualified Lead Date" TIMESTAMPTZ,
              "Became an Opportunity Date" TIMESTAMPTZ, "Became a Customer Date" TIMESTAMPTZ,
              "Became an Evangelist Date" TIMESTAMPTZ, "Last Modified Date" TIMESTAMPTZ)""";

    private ContactsCsv() {
    }

    /** The file for {@code rows} rows in {@code dir}, written first if it is not there yet. */
    static Path ensure(Path dir, long rows) throws IOException, SQLException {
        Files.createDirectories(dir);
        Path file = dir.resolve("contacts-" + rows + ".csv").toAbsolutePath();
        if (Files.exists(file)) {
            return file;
        }
        // Written under a temporary name so that an interrupted run never leaves a short file to reuse.
        Path partial = dir.resolve("contacts-" + rows + ".csv.partial").toAbsolutePath();
        // COPY ... TO takes no parameter for its target, so the path (the operator's own --dir) is quoted here.
        String target = "'" + partial.toString().replace("'", "''") + "'";
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             PreparedStatement copy = connection.prepareStatement(GENERATE.replace("$TARGET", target))) {
            copy.setLong(1, rows);
            copy.execute();
        }
        Files.move(partial, file);
        return file;
    }
}
