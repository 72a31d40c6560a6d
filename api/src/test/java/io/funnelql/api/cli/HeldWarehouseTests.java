package io.funnelql.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CLI load into a file that another process (a running server) holds. */
class HeldWarehouseTests {

    @TempDir
    Path dir;

    @Test
    void loadIntoAWarehouseAnotherProcessHoldsFailsWithExitCodeTwoAndSaysToLoadOverHttp() throws Exception {
        Path db = dir.resolve("served.duckdb");
        Path csv = Files.writeString(dir.resolve("contacts.csv"), "contact_id,created_at\nc1,2024-06-03\n");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldWarehouse.class.getName(), db.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(output.readLine()).startsWith("holding ");

            CliRun run = CliRun.of("load", "contacts", csv.toString(), "--db", db.toString());

            assertThat(run.exitCode()).isEqualTo(ExitCodes.CANNOT_RUN);
            assertThat(run.err()).contains("is in use by another process", "Load through that server instead",
                    "/api/loads/");
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(10, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
    }
}
