package io.funnelql.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.funnelql.warehouse.load.LoadRequest;
import io.funnelql.warehouse.load.LoadResult;
import io.funnelql.warehouse.load.Loader;

/** A load does not commit while a reader connection is open, and commits once it is closed. */
class ReaderConnectionTests {

    @TempDir
    Path dir;

    @Test
    void aLoadCommitsOnlyAfterTheOpenReadersClose() throws Exception {
        try (Warehouse warehouse = TestWarehouses.inMemory()) {
            Path csv = Files.writeString(dir.resolve("c.csv"), "contact_id,created_at\nc1,2024-06-01\n");
            Connection reader = warehouse.reader();

            CompletableFuture<LoadResult> load = CompletableFuture.supplyAsync(
                    () -> new Loader(warehouse).load(LoadRequest.of(Dataset.CONTACTS, csv)));
            Thread.sleep(1000);
            assertThat(load).as("the load waits for the reader before it commits").isNotDone();
            assertThat(TestWarehouses.count(warehouse, "SELECT count(*) FROM contacts")).isZero();

            reader.close();
            reader.close();

            assertThat(load.get(30, TimeUnit.SECONDS).rows()).isEqualTo(1);
            try (Connection again = warehouse.reader()) {
                assertThat(TestWarehouses.count(warehouse, "SELECT count(*) FROM contacts")).isEqualTo(1);
            }
        }
    }

    @Test
    void aLoadThatWaitedForReadersIsStampedCommittedWhenItCommits() throws Exception {
        try (Warehouse warehouse = TestWarehouses.inMemory()) {
            Path csv = Files.writeString(dir.resolve("c.csv"), "contact_id,created_at\nc1,2024-06-01\n");
            Connection reader = warehouse.reader();
            CompletableFuture<LoadResult> load = CompletableFuture.supplyAsync(
                    () -> new Loader(warehouse).load(LoadRequest.of(Dataset.CONTACTS, csv)));
            Thread.sleep(1000);
            // What a report reading now sees is what a knownAt of this instant must give later: not the load.
            java.time.Instant seen = java.time.Instant.now();
            reader.close();

            load.get(30, TimeUnit.SECONDS);
            assertThat(TestWarehouses.rows(warehouse, "SELECT committed_at > TIMESTAMPTZ '" + seen + "' FROM loads"))
                    .containsExactly("true");
        }
    }

    @Test
    void aThreadMayOpenReadersWithinAReaderWhileALoadWaits() throws Exception {
        try (Warehouse warehouse = TestWarehouses.inMemory()) {
            Path csv = Files.writeString(dir.resolve("c.csv"), "contact_id,created_at\nc1,2024-06-01\n");
            try (Connection outer = warehouse.reader()) {
                CompletableFuture<LoadResult> load = CompletableFuture.supplyAsync(
                        () -> new Loader(warehouse).load(LoadRequest.of(Dataset.CONTACTS, csv)));
                Thread.sleep(500);
                // A report reading its bounds on a second reader connection must not wait for the queued
                // commit (which waits for the outer reader): this returns at once instead of deadlocking.
                try (Connection nested = warehouse.reader()) {
                    assertThat(nested.isClosed()).isFalse();
                }
                assertThat(load).isNotDone();
            }
        }
    }
}
