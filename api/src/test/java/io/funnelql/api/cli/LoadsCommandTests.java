package io.funnelql.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadsCommandTests {

    @TempDir
    Path dir;

    @Test
    void printsTheHistoryNewestFirstAsATable() throws IOException {
        String db = dir.resolve("acme.duckdb").toString();
        Path contacts = Files.writeString(dir.resolve("contacts.csv"), "contact_id,created_at\nc1,2024-06-03\nc2,2024-06-04\n");
        Path spend = Files.writeString(dir.resolve("spend.csv"), "date,source,amount\n2024-06-01,paid_search,-5\n");
        CliRun.of("load", "contacts", contacts.toString(), "--db", db);
        CliRun.of("load", "spend", spend.toString(), "--db", db);

        CliRun run = CliRun.of("loads", "--db", db);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().toList()).hasSize(3);
        assertThat(run.out().lines().findFirst().orElseThrow())
                .matches("LOAD +DATASET +FILE +FORMAT +ROWS +STATUS +STARTED \\(UTC\\) +COMMITTED \\(UTC\\) +ERROR");
        assertThat(run.out().lines().skip(1).toList()).satisfiesExactly(
                line -> assertThat(line).matches(" *2 +spend +spend\\.csv +CSV +failed .*Nothing was loaded.*"),
                line -> assertThat(line).matches(" *1 +contacts +contacts\\.csv +CSV +2 +committed +\\d{4}-.*"));
    }

    @Test
    void listsOnlyTheLoadsOfTheGivenDataset() throws IOException {
        String db = dir.resolve("acme.duckdb").toString();
        Path contacts = Files.writeString(dir.resolve("contacts.csv"), "contact_id,created_at\nc1,2024-06-03\n");
        CliRun.of("load", "contacts", contacts.toString(), "--db", db);

        CliRun run = CliRun.of("loads", "--db", db, "--dataset", "sessions");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isEqualTo("No loads yet.");
    }
}
