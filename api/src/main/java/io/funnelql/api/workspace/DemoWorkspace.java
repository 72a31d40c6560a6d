package io.funnelql.api.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.funnelql.api.FunnelqlProperties;
import io.funnelql.warehouse.Warehouse;

/**
 * A workspace over a fresh warehouse in a temporary file, filled with the demo data set; the file is deleted
 * when the workspace closes. The user's own warehouse ({@code funnelql.database}) is not opened at all, so
 * demo data never mixes with it.
 */
final class DemoWorkspace {

    private static final Logger log = LoggerFactory.getLogger(DemoWorkspace.class);

    private DemoWorkspace() {
    }

    static Workspace create(String name, FunnelqlProperties properties) {
        Path directory = createDirectory();
        Warehouse warehouse;
        try {
            warehouse = Warehouse.open(directory.resolve("demo.duckdb"), properties.warehouseSettings());
        } catch (RuntimeException e) {
            delete(directory);
            throw e;
        }
        Workspace workspace = new Workspace(name, warehouse, () -> delete(directory));
        try {
            LocalDate until = LocalDate.now(properties.timeZone());
            log.info("Demo mode: workspace '{}' serves demo data up to {} from the temporary warehouse {}, deleted on exit. "
                    + "Your own warehouse ({}) is not opened; demo data never mixes with it.",
                    name, until, warehouse.describe(), properties.database());
            DemoData.fill(warehouse, until);
        } catch (RuntimeException e) {
            workspace.close();
            throw e;
        }
        return workspace;
    }

    private static Path createDirectory() {
        try {
            return Files.createTempDirectory("funnelql-demo-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory for the demo warehouse", e);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            log.warn("Could not delete the demo warehouse in {}: {}", directory, e.getMessage());
        }
    }
}
