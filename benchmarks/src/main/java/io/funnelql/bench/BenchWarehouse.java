package io.funnelql.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.funnelql.warehouse.Warehouse;
import io.funnelql.warehouse.WarehouseSettings;
import io.funnelql.warehouse.demo.GenerationReport;
import io.funnelql.warehouse.demo.Generator;
import io.funnelql.warehouse.demo.GeneratorSpec;

/**
 * The synthetic warehouse a reports run measures: generated once per scale into
 * {@code DIR/warehouse-<contacts>-<sessions>.duckdb} and reused by later runs, and served from a copy,
 * because the run's concurrent load changes the warehouse it serves.
 *
 * <p>The data always ends on {@link #UNTIL} with seed {@link #SEED}, in UTC, so a scale's warehouse holds
 * the same rows whenever and wherever it is generated (with the same FunnelQL and DuckDB versions).
 */
final class BenchWarehouse {

    /** The last day of the generated data: fixed, so reports over it give the same numbers on any day. */
    static final LocalDate UNTIL = LocalDate.of(2025, 12, 31);
    static final long SEED = 42;

    /**
     * @param spec what was generated
     * @param file the generated warehouse, left as generated
     * @param generatedSeconds how long generating took; 0 when the file was reused
     */
    record Prepared(GeneratorSpec spec, Path file, double generatedSeconds) {

        boolean reused() {
            return generatedSeconds == 0;
        }
    }

    private BenchWarehouse() {
    }

    static GeneratorSpec spec(long contacts, long sessions) {
        return new GeneratorSpec(contacts, sessions, SEED, UNTIL);
    }

    /** The scale's warehouse, generated first if there is none yet. */
    static Prepared ensure(Path dir, GeneratorSpec spec, @Nullable String memoryLimit) throws IOException {
        Path file = dir.resolve("warehouse-" + spec.contacts() + "-" + spec.sessions() + ".duckdb").toAbsolutePath();
        if (Files.exists(file)) {
            // Opening brings a file made by an earlier FunnelQL up to date (schema, rollups) once, here, rather
            // than in every serving copy.
            Warehouse.open(file, settings(memoryLimit)).close();
            return new Prepared(spec, file, 0);
        }
        // Generated under a temporary name, so that an interrupted run never leaves a partial warehouse to reuse.
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        delete(partial);
        long started = System.nanoTime();
        GenerationReport report;
        try (Warehouse warehouse = Warehouse.open(partial, settings(memoryLimit))) {
            report = new Generator().generate(warehouse, spec);
        }
        double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-9);
        if (report.allDuplicates()) {
            throw new IllegalStateException("generating into the new file " + partial + " loaded nothing");
        }
        Files.move(partial, file);
        return new Prepared(spec, file, seconds);
    }

    /** A fresh copy of {@code file} to serve, replacing any copy an earlier run left. */
    static Path servingCopy(Path file) throws IOException {
        Path copy = file.resolveSibling(file.getFileName().toString().replace("warehouse-", "serving-"));
        delete(copy);
        Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        return copy;
    }

    /** How the harness opens warehouses itself: the workspace defaults (UTC) and the run's memory limit. */
    static WarehouseSettings settings(@Nullable String memoryLimit) {
        return new WarehouseSettings(WarehouseSettings.defaults().timeZone(), memoryLimit, null);
    }

    /** Deletes a warehouse file and its write-ahead log. */
    static void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".wal"));
    }
}
