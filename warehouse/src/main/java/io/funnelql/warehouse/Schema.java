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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Versioned DDL, applied on start-up. Each migration runs once, in its own transaction, and is recorded
 * in {@code schema_version}; opening an up-to-date warehouse applies nothing.
 *
 * <p>A script's version is the number in its name ({@code V9__saved_reports.sql} is version 9). Versions may
 * leave gaps, and every listed version that a warehouse has not applied yet is applied, lowest first, even
 * below one it has: features developed side by side number their scripts apart, and a warehouse that applied
 * version 9 before version 8 existed gets version 8 when it opens with a FunnelQL that has both. So scripts
 * must not depend on a script with a higher number, and two scripts never share a number.
 */
final class Schema {

    /** Migration scripts in order of their versions. Append, never edit. */
    private static final List<String> MIGRATIONS = List.of("V1__base.sql", "V2__stage_entries.sql", "V3__single_copy_raw.sql",
            "V4__funnel_rollups.sql", "V5__api_keys.sql", "V6__revenue_rollups.sql", "V7__traffic_rollups.sql",
            "V8__kpi_definitions.sql", "V9__saved_reports.sql");

    private static final Pattern VERSION = Pattern.compile("V(\\d+)__[a-z0-9_]+\\.sql");

    private Schema() {
    }

    /** The highest version this FunnelQL knows. */
    static int latestVersion() {
        return version(MIGRATIONS.get(MIGRATIONS.size() - 1));
    }

    /** How many migrations this FunnelQL knows (versions may leave gaps). */
    static int migrationCount() {
        return MIGRATIONS.size();
    }

    /** The version a script's name gives. */
    static int version(String script) {
        Matcher matcher = VERSION.matcher(script);
        if (!matcher.matches()) {
            throw new IllegalStateException("Schema script " + script + " is not named V<version>__<name>.sql");
        }
        return Integer.parseInt(matcher.group(1));
    }

    static void migrate(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS schema_version (
                        version     INTEGER PRIMARY KEY,
                        script      VARCHAR NOT NULL,
                        applied_at  TIMESTAMPTZ NOT NULL DEFAULT current_timestamp)""");
        }
        Set<Integer> applied = appliedVersions(connection);
        int current = applied.stream().mapToInt(Integer::intValue).max().orElse(0);
        if (current > latestVersion()) {
            throw new WarehouseException("This warehouse has schema version " + current
                    + ", newer than this FunnelQL understands (" + latestVersion() + "). Use a newer FunnelQL.");
        }
        for (String script : MIGRATIONS) {
            if (!applied.contains(version(script))) {
                apply(connection, version(script), script);
            }
        }
    }

    private static Set<Integer> appliedVersions(Connection connection) throws SQLException {
        Set<Integer> versions = new HashSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT version FROM schema_version")) {
            while (rs.next()) {
                versions.add(rs.getInt(1));
            }
        }
        return versions;
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
