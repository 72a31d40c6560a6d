package io.funnelql.queries.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.funnelql.queries.report.DateRange;
import io.funnelql.queries.report.ReportSettings;
import io.funnelql.warehouse.Dataset;
import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;
import io.funnelql.warehouse.load.LoadRequest;
import io.funnelql.warehouse.load.Loader;

/**
 * Funnel reports running while loads replace the contacts see the data before a load or after it, never a
 * mix: each load gives the same contacts another number of MQLs, and every report must count one of them.
 */
class FunnelDuringLoadTests {

    static final int CONTACTS = 10_000;
    static final List<Integer> MQLS = List.of(1_000, 7_000, 2_500, 9_000, 4_000);

    @TempDir
    Path dir;

    /** The contacts of one version: all created in June 2024, the first {@code mqls} of them MQLs in July. */
    Path version(int index) throws IOException {
        StringBuilder csv = new StringBuilder("contact_id,created_at,mql_at\n");
        for (int i = 0; i < CONTACTS; i++) {
            csv.append('c').append(i).append(",2024-06-").append(10 + i % 20).append(',')
                    .append(i < MQLS.get(index) ? "2024-07-0" + (1 + i % 9) : "").append('\n');
        }
        return Files.writeString(dir.resolve("v" + index + ".csv"), csv);
    }

    record Observation(long created, long mqls, long started, long finished) {
    }

    record Interval(long started, long finished) {
    }

    @Test
    void reportsDuringLoadsSeeTheOldOrTheNewDataNeverAMix() throws Exception {
        List<Path> versions = new ArrayList<>();
        for (int i = 0; i < MQLS.size(); i++) {
            versions.add(version(i));
        }
        try (Warehouse warehouse = Warehouse.open(dir.resolve("w.duckdb"), WarehouseSettings.defaults())) {
            Loader loader = new Loader(warehouse);
            loader.load(LoadRequest.of(Dataset.CONTACTS, versions.get(0)));
            FunnelQuery june = FunnelQuery.of(DateRange.of("2024-06-01", "2024-06-30")).withStages(Stage.CREATED, Stage.MQL);
            List<FunnelService> services = List.of(new FunnelService(warehouse, ReportSettings.defaults(), Clock.systemUTC()),
                    FunnelService.withoutRollups(warehouse, ReportSettings.defaults(), Clock.systemUTC()));

            AtomicBoolean loading = new AtomicBoolean(true);
            List<Observation> observations = Collections.synchronizedList(new ArrayList<>());
            ExecutorService readers = Executors.newFixedThreadPool(2);
            List<Future<?>> running = IntStream.range(0, 2).<Future<?>>mapToObj(reader -> readers.submit(() -> {
                while (loading.get()) {
                    long started = System.nanoTime();
                    FunnelReport report = services.get(reader).run(june);
                    observations.add(new Observation(report.totals().get(0).count(), report.totals().get(1).count(), started,
                            System.nanoTime()));
                }
            })).toList();
            List<Interval> loads = new ArrayList<>();
            try {
                for (Path version : versions.subList(1, versions.size())) {
                    long started = System.nanoTime();
                    loader.load(LoadRequest.of(Dataset.CONTACTS, version));
                    loads.add(new Interval(started, System.nanoTime()));
                }
            } finally {
                loading.set(false);
                for (Future<?> reader : running) {
                    reader.get(1, TimeUnit.MINUTES);
                }
                readers.shutdown();
            }

            Set<String> states = MQLS.stream().map(mqls -> CONTACTS + " contacts, " + mqls + " MQLs").collect(Collectors.toSet());
            assertThat(observations).isNotEmpty().allSatisfy(seen ->
                    assertThat(seen.created() + " contacts, " + seen.mqls() + " MQLs").isIn(states));
            long duringALoad = observations.stream().filter(seen -> loads.stream()
                    .anyMatch(load -> seen.started() < load.finished() && seen.finished() > load.started())).count();
            assertThat(duringALoad).as("reports that overlapped a load").isPositive();
        }
    }
}
