package io.funnelql.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.postgresql.PGConnection;

import io.funnelql.queries.engine.SqlStatement;
import io.funnelql.queries.funnel.CohortMode;
import io.funnelql.queries.funnel.FunnelQuery;
import io.funnelql.queries.funnel.FunnelService;
import io.funnelql.queries.report.DateRange;
import io.funnelql.queries.report.Dimension;
import io.funnelql.queries.report.Grain;
import io.funnelql.queries.report.ReportSettings;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.demo.GeneratorSpec;

/**
 * The same contacts in PostgreSQL, and the same funnels (by source and month over the whole range, CREATED
 * and ENTERED, cumulative) in plain SQL there: what a team would otherwise run on the database it has.
 *
 * <p>The warehouse's current contacts go to a CSV file (DuckDB's {@code COPY ... TO}), then into a plain
 * PostgreSQL table with {@code COPY ... FROM STDIN} through the JDBC driver's copy API (timed), then
 * {@code ANALYZE}. No index: a funnel over the whole range reads every row either way. Each funnel's rows
 * must equal the rows of FunnelQL's raw-scan statement for the same query on the same contacts. The table,
 * {@value #TABLE}, is dropped at the end (and replaced if a failed run left it).
 */
final class PostgresComparison {

    static final String TABLE = "funnelql_bench_contacts";

    private static final List<String> STAGES = List.of("subscriber_at", "lead_at", "mql_at", "sql_at", "opportunity_at",
            "customer_at", "evangelist_at");

    /**
     * What PostgreSQL did with the contacts.
     *
     * @param identical both funnels' rows equal those of FunnelQL's raw scan
     */
    record Result(String version, long rows, double loadSeconds, Samples created, Samples entered, boolean identical) {
    }

    private PostgresComparison() {
    }

    static Result run(String url, Warehouse warehouse, Path dir, GeneratorSpec spec, int runs) throws SQLException, IOException {
        Path csv = dir.resolve("postgres-contacts.csv").toAbsolutePath();
        List<String> columns = new ArrayList<>(List.of("contact_id", "created_at", "source", "channel"));
        columns.addAll(STAGES);
        long rows;
        try (Connection duck = warehouse.connect(); Statement statement = duck.createStatement()) {
            // COPY ... TO takes no parameter for its target; the path is the operator's own --dir.
            statement.execute("COPY (SELECT " + String.join(", ", columns) + " FROM contacts) TO '"
                    + csv.toString().replace("'", "''") + "' (FORMAT csv, HEADER false)");
            try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM contacts")) {
                rs.next();
                rows = rs.getLong(1);
            }
        }
        LocalDate from = spec.from().withDayOfMonth(1);
        LocalDate to = spec.until().withDayOfMonth(1).plusMonths(1);
        FunnelQuery created = FunnelQuery.of(new DateRange(spec.from(), spec.until())).withGrain(Grain.MONTH)
                .withCohort(CohortMode.CREATED).withGroupBy(Dimension.SOURCE);
        FunnelService raw = FunnelService.withoutRollups(warehouse, ReportSettings.defaults(), Clock.systemUTC());
        List<String> duckCreated = rows(warehouse, raw.statements(created));
        List<String> duckEntered = rows(warehouse, raw.statements(created.withCohort(CohortMode.ENTERED)));

        try (Connection pg = DriverManager.getConnection(url)) {
            String version;
            try (Statement statement = pg.createStatement()) {
                try (ResultSet rs = statement.executeQuery("SHOW server_version")) {
                    rs.next();
                    version = "PostgreSQL " + rs.getString(1);
                }
                statement.execute("DROP TABLE IF EXISTS " + TABLE);
                statement.execute("CREATE TABLE " + TABLE + " (contact_id text, created_at timestamptz, source text, channel text, "
                        + STAGES.stream().map(s -> s + " timestamptz").collect(Collectors.joining(", ")) + ")");
            }
            long start = System.nanoTime();
            try (InputStream in = new BufferedInputStream(Files.newInputStream(csv), 1 << 20)) {
                long copied = pg.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + TABLE + " FROM STDIN (FORMAT csv)", in);
                if (copied != rows) {
                    throw new IllegalStateException("PostgreSQL copied " + copied + " rows, expected " + rows);
                }
            }
            double loadSeconds = (System.nanoTime() - start) / 1e9;
            try (Statement statement = pg.createStatement()) {
                statement.execute("ANALYZE " + TABLE);
            }
            SqlStatement createdSql = new SqlStatement(createdSql(), List.of(instant(from), instant(to)));
            SqlStatement enteredSql = new SqlStatement(enteredSql(), List.of(instant(from), instant(to)));
            boolean identical = rows(pg, createdSql).equals(duckCreated) && rows(pg, enteredSql).equals(duckEntered);
            Samples createdTimes = new Samples();
            Samples enteredTimes = new Samples();
            for (int run = 0; run < runs; run++) {
                createdTimes.add(ReportTimings.runDirect(pg, List.of(createdSql)));
                enteredTimes.add(ReportTimings.runDirect(pg, List.of(enteredSql)));
            }
            try (Statement statement = pg.createStatement()) {
                statement.execute("DROP TABLE " + TABLE);
            }
            return new Result(version, rows, loadSeconds, createdTimes, enteredTimes, identical);
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    /** CREATED: per creation month and source, the contacts created and how many reached each stage (cumulative). */
    private static String createdSql() {
        List<String> counts = new ArrayList<>(List.of("count(*) AS n_created"));
        for (int k = 0; k < STAGES.size(); k++) {
            counts.add("count(" + reached(k) + ") AS n_" + STAGES.get(k).replace("_at", ""));
        }
        return "SELECT CAST(date_trunc('month', created_at AT TIME ZONE 'UTC') AS date) AS period_start, source, "
                + String.join(", ", counts) + " FROM " + TABLE + " WHERE created_at >= ? AND created_at < ? GROUP BY 1, 2";
    }

    /** ENTERED: per stage, entry month and source, the contacts whose (cumulative) entry falls in the month. */
    private static String enteredSql() {
        List<String> entries = new ArrayList<>(List.of("('e_created', c.created_at)"));
        for (int k = 0; k < STAGES.size(); k++) {
            entries.add("('e_" + STAGES.get(k).replace("_at", "") + "', " + reached(k) + ")");
        }
        return "SELECT e.stage, CAST(date_trunc('month', e.entered AT TIME ZONE 'UTC') AS date) AS period_start, c.source, "
                + "count(*) AS n FROM " + TABLE + " c CROSS JOIN LATERAL (VALUES " + String.join(", ", entries)
                + ") AS e(stage, entered) WHERE e.entered >= ? AND e.entered < ? GROUP BY 1, 2, 3";
    }

    /** The cumulative entry of stage {@code k}: its own date or the first later one set. */
    private static String reached(int k) {
        return "coalesce(" + String.join(", ", STAGES.subList(k, STAGES.size())) + ")";
    }

    private static OffsetDateTime instant(LocalDate date) {
        return date.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private static List<String> rows(Warehouse warehouse, List<SqlStatement> statements) throws SQLException {
        try (Connection connection = warehouse.connect()) {
            List<String> rows = new ArrayList<>();
            for (SqlStatement statement : statements) {
                rows.addAll(rows(connection, statement));
            }
            return rows.stream().sorted().toList();
        }
    }

    /** Every row as its values' text joined by {@code |}, sorted: the same numbers read the same from both. */
    private static List<String> rows(Connection connection, SqlStatement sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql.sql())) {
            for (int i = 0; i < sql.parameters().size(); i++) {
                statement.setObject(i + 1, sql.parameters().get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int c = 1; c <= columns; c++) {
                        row.append(c == 1 ? "" : "|").append(rs.getString(c));
                    }
                    rows.add(row.toString());
                }
            }
        }
        return rows.stream().sorted().toList();
    }
}
