package io.funnelql.warehouse.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.TestWarehouses;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;

/**
 * Loads started at the same moment on one warehouse file: they run one after the other under the warehouse's
 * write lock, each all-or-nothing, and never interleave.
 */
class ConcurrentLoadTests {

    static final int ROWS = 50_000;

    @TempDir
    Path dir;

    /** {@code ROWS} contacts c0..c(ROWS-1), all with {@code company} set to {@code version}. */
    Path contacts(String version) throws IOException {
        StringBuilder csv = new StringBuilder("contact_id,created_at,company,mql_at\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append('c').append(i).append(",2024-06-").append(10 + i % 20).append(',').append(version).append(',')
                    .append(i % 3 == 0 ? "2024-07-01" : "").append('\n');
        }
        return Files.writeString(dir.resolve(version + ".csv"), csv);
    }

    /** Runs the loads on threads that start together, and returns their results in the order given. */
    List<LoadResult> loadAtOnce(Warehouse warehouse, Path... files) throws Exception {
        CyclicBarrier start = new CyclicBarrier(files.length);
        ExecutorService threads = Executors.newFixedThreadPool(files.length);
        try {
            List<Future<LoadResult>> loads = Arrays.stream(files).map(file -> threads.submit(() -> {
                start.await();
                return new Loader(warehouse).load(LoadRequest.of(Dataset.CONTACTS, file));
            })).toList();
            List<LoadResult> results = new ArrayList<>();
            for (Future<LoadResult> load : loads) {
                results.add(load.get(2, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void twoLoadsOfTheSameRecordsAtOnceRunOneAfterTheOtherAndTheLaterWinsWhole() throws Exception {
        try (Warehouse warehouse = Warehouse.open(dir.resolve("w.duckdb"), WarehouseSettings.defaults())) {
            List<LoadResult> results = loadAtOnce(warehouse, contacts("alpha"), contacts("beta"));

            assertThat(results).extracting(LoadResult::rows).containsExactly((long) ROWS, (long) ROWS);
            List<String> history = TestWarehouses.rows(warehouse, "SELECT file_name, status FROM loads ORDER BY committed_at");
            assertThat(history).hasSize(2).allSatisfy(row -> assertThat(row).endsWith("|committed"));
            // Serialised: the second load started only after the first committed.
            assertThat(TestWarehouses.rows(warehouse, "SELECT max(started_at) >= min(committed_at) FROM loads"))
                    .containsExactly("true");
            // Never interleaved: every current contact is the later load's version, and the earlier one is all superseded.
            String earlier = history.get(0).replace(".csv|committed", "");
            String later = history.get(1).replace(".csv|committed", "");
            assertThat(TestWarehouses.rows(warehouse, "SELECT company, count(*), count(DISTINCT load_id) FROM contacts GROUP BY ALL"))
                    .containsExactly(later + "|" + ROWS + "|1");
            assertThat(TestWarehouses.rows(warehouse, "SELECT company, count(*) FROM superseded_contacts GROUP BY ALL"))
                    .containsExactly(earlier + "|" + ROWS);
            assertThat(TestWarehouses.count(warehouse, "SELECT sum(contacts) FROM rollup_contacts_created")).isEqualTo(ROWS);
            assertThat(TestWarehouses.count(warehouse, "SELECT sum(reached_mql) FROM rollup_contacts_created"))
                    .isEqualTo((ROWS + 2) / 3);
        }
    }

    @Test
    void theSameContentLoadedTwiceAtOnceLoadsOnceAndTheOtherIsADuplicate() throws Exception {
        try (Warehouse warehouse = Warehouse.open(dir.resolve("w.duckdb"), WarehouseSettings.defaults())) {
            Path file = contacts("gamma");
            Path copy = Files.copy(file, dir.resolve("gamma-copy.csv"));

            List<LoadResult> results = loadAtOnce(warehouse, file, copy);

            assertThat(results).extracting(LoadResult::duplicate).containsExactlyInAnyOrder(false, true);
            assertThat(results.get(0).loadId()).isEqualTo(results.get(1).loadId());
            assertThat(TestWarehouses.count(warehouse, "SELECT count(*) FROM loads")).isEqualTo(1);
            assertThat(TestWarehouses.count(warehouse, "SELECT count(*) FROM raw_contacts")).isEqualTo(ROWS);
        }
    }
}
