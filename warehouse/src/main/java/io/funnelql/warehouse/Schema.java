package io.funnelql.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Versioned DDL, applied on start-up. Each migration runs once, in its own transaction, and is recorded
 * in {@code schema_version}; opening an up-to-date warehouse applies nothing.
 */
final class Schema {

    /** Migration scripts in order; the version is the position plus one. Append, never edit. */
    private static final List<String> MIGRATIONS = List.of("V1__base.sql", "V2__stage_entries.sql", "V3__single_copy_raw.sql",
            "V4__funnel_rollups.sql", "V5__api_keys.sql", "V6__revenue_rollups.sql", "V7__traffic_rollups.sql",
            "V8__kpi_definitions.sql");

    private Schema() {
    }

    static int latestVersion() {
        return MIGRATIONS.size();
    }

    static void migrate(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS schema_version (
                        version     INTEGER PRIMARY KEY,
                        script      VARCHAR NOT NULL,
                        applied_at  TIMESTAMPTZ NOT NULL DEFAULT current_timestamp)""");
        }
        int current = currentVersion(connection);
        if (current > MIGRATIONS.size()) {
            throw new WarehouseException("This warehouse has schema version " + current
                    + ", newer than this FunnelQL understands (" + MIGRATIONS.size() + "). Use a newer FunnelQL.");
        }
        for (int version = current + 1; version <= MIGRATIONS.size(); version++) {
            apply(connection, version, MIGRATIONS.get(version - 1));
        }
    }

    private static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void apply(Connection connection, int version, String script) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(read(script))) {
                statement.execute(sql);
            }
            statement.execute("INSERT INTO schema_version (version, script) VALUES (" + version + ", '" + script + "')");
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static String read(String script) {
        try (InputStream in = Schema.class.getResourceAsStream("schema/" + script)) {
            if (in == null) {
                throw new IllegalStateException("Missing schema script " + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits a script on semicolons that end a line; comment lines are dropped. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                statements.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }
}
