package io.funnelql.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.funnelql.warehouse.TestWarehouses;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;

class LoadCommandTests {

    @TempDir
    Path dir;

    Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    String db() {
        return dir.resolve("acme.duckdb").toString();
    }

    List<String> rows(String sql) {
        try (Warehouse warehouse = Warehouse.open(Path.of(db()), WarehouseSettings.defaults())) {
            return TestWarehouses.rows(warehouse, sql);
        }
    }

    @Test
    void loadsEachFileAndPrintsItsLoadIdRowsAndWhetherItWasADuplicate() throws IOException {
        Path june = file("june.csv", "contact_id,created_at,source\nc1,2024-06-03,Organic Search\nc2,2024-06-04,PAID_SEARCH\n");
        Path july = file("july.csv", "contact_id,created_at\nc3,2024-07-01\n");
        Path juneAgain = file("june-again.csv", Files.readString(june));

        CliRun run = CliRun.of("load", "contacts", june.toString(), july.toString(), juneAgain.toString(), "--db", db());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).containsExactly(
                "june.csv: load 1 into contacts, 2 rows",
                "july.csv: load 2 into contacts, 1 row",
                "june-again.csv: duplicate of load 1 into contacts (2 rows); nothing loaded");
        assertThat(rows("SELECT contact_id, source FROM contacts ORDER BY contact_id"))
                .containsExactly("c1|organic_search", "c2|paid_search", "c3|unknown");
    }

    @Test
    void printsEveryProblemWithFileLineAndColumnAndStopsWithExitCodeOne() throws IOException {
        Path good = file("good.csv", "contact_id,created_at\nc1,2024-06-03\n");
        Path bad = file("bad.csv", "contact_id,created_at,mql_at\nc2,2024-06-03,\nc3,2024-13-04,\nc4,2024-06-05,yesterday\n");
        Path later = file("later.csv", "contact_id,created_at\nc5,2024-06-06\n");

        CliRun run = CliRun.of("load", "contacts", good.toString(), bad.toString(), later.toString(), "--db", db());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.out()).contains("good.csv: load 1 into contacts, 1 row");
        assertThat(run.err()).contains("Nothing was loaded: 2 problems found",
                "bad.csv line 3, column created_at: '2024-13-04'",
                "bad.csv line 4, column mql_at: 'yesterday'",
                "Stopped; not loaded either: " + later);
        assertThat(rows("SELECT contact_id FROM contacts")).containsExactly("c1");
        assertThat(rows("SELECT file_name, status FROM loads ORDER BY load_id"))
                .containsExactly("good.csv|committed", "bad.csv|failed");
    }

    @Test
    void readsColumnsFromTheUsersOwnHeadersWithMap() throws IOException {
        Path crm = file("crm.csv", "Person,Signup Time\np1,2024-06-03 10:00\n");

        CliRun run = CliRun.of("load", "contacts", crm.toString(), "--map", "contact_id=Person",
                "--map", "created_at=Signup Time", "--db", db());

        assertThat(run.exitCode()).isZero();
        assertThat(rows("SELECT contact_id, CAST(created_at AS VARCHAR) FROM contacts"))
                .containsExactly("p1|2024-06-03 10:00:00+00");
    }

    @Test
    void readsTimestampsWithoutOffsetInTheGivenTimeZone() throws IOException {
        Path csv = file("berlin.csv", "contact_id,created_at\nc1,2024-06-03 10:00\n");

        CliRun run = CliRun.of("load", "contacts", csv.toString(), "--db", db(), "--time-zone", "Europe/Berlin");

        assertThat(run.exitCode()).isZero();
        assertThat(rows("SELECT CAST(created_at AS VARCHAR) FROM contacts")).containsExactly("2024-06-03 08:00:00+00");
    }

    @Test
    void unknownDatasetIsAUsageErrorThatNamesTheDatasets() throws IOException {
        Path csv = file("x.csv", "a\n1\n");

        CliRun run = CliRun.of("load", "leads", csv.toString(), "--db", db());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CANNOT_RUN);
        assertThat(run.err()).contains("Unknown dataset 'leads'", "contacts, sessions, deals");
        assertThat(Files.exists(Path.of(db()))).isFalse();
    }

    @Test
    void missingFileLoadsNothing() {
        CliRun run = CliRun.of("load", "contacts", dir.resolve("nope.csv").toString(), "--db", db());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains("Cannot read " + dir.resolve("nope.csv"));
        assertThat(Files.exists(Path.of(db()))).isFalse();
    }
}
