package io.funnelql.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.funnelql.warehouse.TestWarehouses;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;

class GenerateCommandTests {

    @TempDir
    Path dir;

    @Test
    void generatesTheAskedSizeIntoTheNamedWarehouseAndPrintsOneLoadPerDataset() {
        String db = dir.resolve("bench.duckdb").toString();

        CliRun run = CliRun.of("generate", "--db", db, "--contacts", "200", "--sessions", "1000", "--seed", "7",
                "--until", "2024-06-30");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("contacts: load ", ", 200 rows", "sessions: load ", ", 1000 rows",
                "rows from 2021-07-01 to 2024-06-30 (seed 7)");
        try (Warehouse warehouse = Warehouse.open(Path.of(db), WarehouseSettings.defaults())) {
            assertThat(TestWarehouses.count(warehouse, "SELECT count(*) FROM contacts")).isEqualTo(200);
            assertThat(TestWarehouses.count(warehouse, "SELECT count(*) FROM sessions")).isEqualTo(1000);
            assertThat(TestWarehouses.count(warehouse, "SELECT count(*) FROM loads WHERE format <> 'GENERATED'")).isZero();
        }
    }

    @Test
    void theSameOptionsAgainChangeNothing() {
        String db = dir.resolve("bench.duckdb").toString();
        String[] args = {"generate", "--db", db, "--contacts", "50", "--sessions", "100", "--seed", "3", "--until", "2024-06-30"};
        CliRun.of(args);

        CliRun again = CliRun.of(args);

        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("contacts: already generated as load ", "(50 rows); nothing loaded");
    }

    @Test
    void needsAnExplicitDatabaseSoThatSyntheticDataNeverGoesIntoTheUsersOwn() {
        CliRun run = CliRun.of("generate", "--contacts", "10");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(run.err()).contains("generate needs --db PATH");
        assertThat(Files.exists(Path.of("funnelql.duckdb"))).isFalse();
    }

    @Test
    void refusesSizesOutsideTheGeneratorsLimits() {
        CliRun run = CliRun.of("generate", "--db", dir.resolve("bench.duckdb").toString(), "--contacts", "0");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(run.err()).contains("contacts must be between 1 and");
        assertThat(Files.exists(dir.resolve("bench.duckdb"))).isFalse();
    }
}
