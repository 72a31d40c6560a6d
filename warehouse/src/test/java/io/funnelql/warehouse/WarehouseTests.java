package io.funnelql.warehouse;

import static io.funnelql.warehouse.TestWarehouses.count;
import static io.funnelql.warehouse.TestWarehouses.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.funnelql.warehouse.load.LoadRequest;
import io.funnelql.warehouse.load.Loader;

/** A warehouse file across restarts: schema versions, interrupted loads, migrations of existing data. */
class WarehouseTests {

    @TempDir
    Path dir;

    @Test
    void reopeningAppliesEachMigrationOnce() {
        Path file = dir.resolve("w.duckdb");
        try (Warehouse warehouse = Warehouse.open(file, WarehouseSettings.defaults())) {
            assertThat(count(warehouse, "SELECT count(*) FROM schema_version")).isEqualTo(Schema.migrationCount());
        }

        try (Warehouse warehouse = Warehouse.open(file, WarehouseSettings.defaults())) {
            assertThat(rows(warehouse, "SELECT version, script FROM schema_version ORDER BY version")).containsExactly(
                    "1|V1__base.sql", "2|V2__stage_entries.sql", "3|V3__single_copy_raw.sql",
                    "4|V4__funnel_rollups.sql", "5|V5__api_keys.sql", "6|V6__revenue_rollups.sql",
                    "7|V7__traffic_rollups.sql", "8|V8__kpi_definitions.sql", "9|V9__saved_reports.sql");
        }
    }

    @Test
    void aVersionBelowTheHighestAppliedIsAppliedWhenMissing() throws SQLException {
        Path file = dir.resolve("w.duckdb");
        try (Warehouse warehouse = Warehouse.open(file, WarehouseSettings.defaults());
             Connection connection = warehouse.connect(); Statement statement = connection.createStatement()) {
            // As a warehouse looks that applied version 9 before version 5 existed (branches number their
            // scripts apart).
            statement.execute("DROP TABLE api_keys");
            statement.execute("DELETE FROM schema_version WHERE version = 5");
        }

        try (Warehouse warehouse = Warehouse.open(file, WarehouseSettings.defaults())) {
            assertThat(rows(warehouse, "SELECT version FROM schema_version ORDER BY version"))
                    .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9");
            assertThat(count(warehouse, "SELECT count(*) FROM api_keys")).isZero();
        }
    }

    @Test
    void aWarehouseOfANewerSchemaIsRefused() throws SQLException {
        Path file = dir.resolve("w.duckdb");
        try (Warehouse warehouse = Warehouse.open(file, WarehouseSettings.defaults());
             Connection connection = warehouse.connect(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO schema_version (version, script) VALUES (99, 'V99__future.sql')");
        }

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Warehouse.open(file, WarehouseSettings.defaults()))
                .isInstanceOf(WarehouseException.class)
                .hasMessageContaining("schema version 99, newer than this FunnelQL understands (9)");
    }

    @Test
    void duckDbGetsAMemoryLimitThatLeavesRoomForTheHeap() {
        long megabytes = Long.parseLong(Warehouse.defaultMemoryLimit().replace("MB", ""));
        try (Warehouse defaults = Warehouse.inMemory(WarehouseSettings.defaults());
             Warehouse explicit = Warehouse.inMemory(new WarehouseSettings(java.time.ZoneId.of("UTC"), "512MB", 1))) {
            // DuckDB reports the limit in its own units (MiB/GiB, rounded): compare in megabytes, within a percent.
            long applied = count(defaults, "SELECT CAST(current_setting('memory_limit') IS NOT NULL AS INT)");
            assertThat(applied).isEqualTo(1);
            assertThat(rows(defaults, "SELECT current_setting('memory_limit')").get(0)).isNotEqualTo("0 bytes");
            assertThat(rows(explicit, "SELECT current_setting('memory_limit'), current_setting('threads')"))
                    .containsExactly("488.2 MiB|1");
        }
        long physicalMb = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize() / (1024 * 1024);
        assertThat(megabytes).isLessThan(physicalMb * 8 / 10).isGreaterThanOrEqualTo(256);
    }

    @Test
    void dataSurvivesReopening() throws IOException {
        Path file = dir.resolve("w.duckdb");
        Path csv = Files.writeString(dir.resolve("c.csv"), "contact_id,created_at\nc1,2024-06-01\n");
        try (Warehouse warehouse = Warehouse.open(file, WarehouseSettings.defaults())) {
            new Loader(warehouse).load(LoadRequest.of(Dataset.CONTACTS, csv));
        }

        try (Warehouse warehouse = Warehouse.open(file, WarehouseSettings.defaults())) {
            assertThat(rows(warehouse, "SELECT contact_id, load_id FROM contacts")).containsExactly("c1|1");
            assertThat(warehouse.dataVersion()).isEqualTo(1);
            assertThat(new Loader(warehouse).load(LoadRequest.of(Dataset.CONTACTS, csv)).duplicate()).isTrue();
        }
    }

    @Test
    void loadLeftRunningByACrashIsMarkedFailedOnOpen() throws SQLException {
        Path file = dir.resolve("w.duckdb");
        try (Warehouse warehouse = Warehouse.open(file, WarehouseSettings.defaults());
             Connection connection = warehouse.connect(); Statement statement = connection.createStatement()) {
            // What a crash between the load's history row and its commit leaves behind.
            statement.execute("""
                    INSERT INTO loads (load_id, dataset, file_name, format, sha256, mapping, started_at, status)
                    VALUES (nextval('load_ids'), 'contacts', 'big.csv', 'CSV', '', '', now(), 'running')""");
        }

        try (Warehouse warehouse = Warehouse.open(file, WarehouseSettings.defaults())) {
            assertThat(rows(warehouse, "SELECT file_name, status, error, committed_at FROM loads")).containsExactly(
                    "big.csv|failed|interrupted: the process stopped before the load committed|null");
            assertThat(warehouse.dataVersion()).isZero();
        }
    }

    @Test
    void version1WarehouseKeepsEveryVersionWhenRawTablesBecomeViews() throws SQLException, IOException {
        Path file = dir.resolve("v1.duckdb");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, script VARCHAR NOT NULL,"
                    + " applied_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp)");
            for (String sql : Schema.statements(script("V1__base.sql"))) {
                statement.execute(sql);
            }
            statement.execute("INSERT INTO schema_version (version, script) VALUES (1, 'V1__base.sql')");
            // c1 loaded twice (load 2 replaced load 1's version), c2 once.
            statement.execute("""
                    INSERT INTO raw_contacts (load_id, contact_id, created_at, source_raw) VALUES
                        (1, 'c1', TIMESTAMPTZ '2024-06-01 00:00:00+00', 'Webinar'),
                        (1, 'c2', TIMESTAMPTZ '2024-06-02 00:00:00+00', NULL),
                        (2, 'c1', TIMESTAMPTZ '2024-06-01 00:00:00+00', 'PAID_SEARCH')""");
            statement.execute("""
                    INSERT INTO contacts (load_id, contact_id, created_at, source_raw, source, channel) VALUES
                        (2, 'c1', TIMESTAMPTZ '2024-06-01 00:00:00+00', 'PAID_SEARCH', 'paid_search', 'inbound'),
                        (1, 'c2', TIMESTAMPTZ '2024-06-02 00:00:00+00', NULL, 'unknown', 'unknown')""");
        }

        try (Warehouse warehouse = Warehouse.open(file, WarehouseSettings.defaults())) {
            assertThat(rows(warehouse, "SELECT load_id, contact_id, source_raw FROM raw_contacts ORDER BY load_id, contact_id"))
                    .containsExactly("1|c1|Webinar", "1|c2|null", "2|c1|PAID_SEARCH");
            assertThat(rows(warehouse, "SELECT load_id, contact_id FROM superseded_contacts")).containsExactly("1|c1");
            assertThat(rows(warehouse, "SELECT contact_id, source FROM contacts ORDER BY 1"))
                    .containsExactly("c1|paid_search", "c2|unknown");
            assertThat(count(warehouse, "SELECT count(*) FROM duckdb_views() WHERE view_name LIKE 'raw\\_%' ESCAPE '\\'"))
                    .isEqualTo(Dataset.values().length);
        }
    }

    private static String script(String name) throws IOException {
        try (InputStream in = Schema.class.getResourceAsStream("schema/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
