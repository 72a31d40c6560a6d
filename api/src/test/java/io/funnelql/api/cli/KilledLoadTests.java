package io.funnelql.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.funnelql.api.FunnelqlMain;
import io.funnelql.warehouse.TestWarehouses;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;

/**
 * A large {@code load} in its own JVM, killed with SIGKILL while it runs: the warehouse opens again without
 * repair, holds exactly the rows it held before, and the history says the load failed, interrupted. The next
 * load works.
 */
class KilledLoadTests {

    static final int ROWS = 500_000;

    @TempDir
    Path dir;

    /** Contacts k0..k(rows-1): a file that replaces the first thousand and adds the rest. */
    Path contacts(String name, int rows) throws IOException {
        Path file = dir.resolve(name);
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("contact_id,created_at,source,email,company,lead_at,mql_at\n");
            for (int i = 0; i < rows; i++) {
                int month = 1 + i % 12;
                int day = 1 + i % 28;
                out.write("k" + i + ",2023-" + (month < 10 ? "0" : "") + month + "-" + (day < 10 ? "0" : "") + day
                        + " 10:00:00,organic_search,user" + i + "@example.com,Company " + i % 5000 + ",2023-"
                        + (month < 10 ? "0" : "") + month + "-28," + (i % 3 == 0 ? "2024-01-15" : "") + "\n");
            }
        }
        return file;
    }

    @Test
    void aLoadKilledMidwayLeavesTheWarehouseAsItWasAndIsRecordedAsFailed() throws Exception {
        Path db = dir.resolve("acme.duckdb");
        Path wal = dir.resolve("acme.duckdb.wal");
        assertThat(CliRun.of("load", "contacts", contacts("first.csv", 1000).toString(), "--db", db.toString()).exitCode()).isZero();
        Map<String, String> before;
        List<String> historyBefore;
        try (Warehouse warehouse = Warehouse.open(db, WarehouseSettings.defaults())) {
            before = TestWarehouses.snapshot(warehouse, false);
            historyBefore = TestWarehouses.rows(warehouse, "SELECT * FROM loads ORDER BY load_id");
        }
        assertThat(wal).as("a closed warehouse has no write-ahead log").doesNotExist();
        Path big = contacts("big.csv", ROWS);

        Process load = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FunnelqlMain.class.getName(),
                "load", "contacts", big.toString(), "--db", db.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("load.log").toFile()).start();
        try {
            // The load's history row is its first write: once the log exists, the load is under way.
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (!Files.exists(wal) && load.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(500);
            assertThat(load.isAlive()).as("the load is still running when it is killed; its log:%n%s",
                    Files.readString(dir.resolve("load.log"))).isTrue();
        } finally {
            load.destroyForcibly();
            assertThat(load.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(load.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);

        try (Warehouse reopened = Warehouse.open(db, WarehouseSettings.defaults())) {
            assertThat(TestWarehouses.snapshot(reopened, false)).isEqualTo(before);
            List<String> history = TestWarehouses.rows(reopened, "SELECT * FROM loads ORDER BY load_id");
            assertThat(history.subList(0, historyBefore.size())).isEqualTo(historyBefore);
            assertThat(TestWarehouses.rows(reopened, "SELECT file_name, status, row_count, committed_at, error FROM loads "
                    + "WHERE load_id > 1")).containsExactly(
                    "big.csv|failed|null|null|interrupted: the process stopped before the load committed");
        }

        CliRun next = CliRun.of("load", "contacts", contacts("next.csv", 2000).toString(), "--db", db.toString());
        assertThat(next.exitCode()).as(next.err()).isZero();
        try (Warehouse warehouse = Warehouse.open(db, WarehouseSettings.defaults())) {
            assertThat(TestWarehouses.count(warehouse, "SELECT count(*) FROM contacts")).isEqualTo(2000);
            assertThat(TestWarehouses.count(warehouse, "SELECT sum(contacts) FROM rollup_contacts_created")).isEqualTo(2000);
            assertThat(TestWarehouses.rows(warehouse, "SELECT status FROM loads ORDER BY load_id"))
                    .containsExactly("committed", "failed", "committed");
        }
    }
}
